package ru.frmr.auth.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.ContactChangeConfirmedEvent;
import ru.frmr.auth.api.ContactConfirmation;

/** A {@code ContactChangeConfirmedEvent} stored before it named its data key reads as revision 2 without one. */
class ContactChangeConfirmedEventUpcasterTest {

    @Test
    void aStoredRevisionOneChangeKeepsItsSealedValuesAndHasNoKey() throws IOException {
        JsonNode stored = StoredEvents.fixture("ContactChangeConfirmedEvent.rev1.stored.json");

        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(new ContactChangeConfirmedEventUpcaster(),
                stored);

        assertThat(upcast.getType().getName()).isEqualTo(ContactChangeConfirmedEventUpcaster.TYPE);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        ContactChangeConfirmedEvent event = StoredEvents.SERIALIZER.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new ContactChangeConfirmedEvent("5b0e3a53-8f54-3c2e-a8a0-1d1d7c9a4b21",
                "c9a1d2e3-4b5c-4d6e-8f70-81a2b3c4d5e6", ContactConfirmation.PREVIOUS_EMAIL,
                "pd1:1:YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn8", null, Instant.parse("2026-12-02T11:03:44.902Z"),
                null));
        assertThat(upcast.getMessageIdentifier()).isEqualTo(stored.get("eventIdentifier").asText());
    }
}
