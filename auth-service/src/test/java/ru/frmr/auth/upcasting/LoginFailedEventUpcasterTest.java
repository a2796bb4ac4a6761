package ru.frmr.auth.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.LoginFailedEvent;

/** A {@code LoginFailedEvent} as auth-service stored it before addresses were hashed reads as revision 2. */
class LoginFailedEventUpcasterTest {

    private static final LoginFailedEventUpcaster UPCASTER = new LoginFailedEventUpcaster();

    @Test
    void aStoredRevisionOneFailureReadsWithoutAnAddressHash() throws IOException {
        JsonNode stored = StoredEvents.fixture("LoginFailedEvent.rev1.stored.json");

        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(UPCASTER, stored);

        assertThat(upcast.getType().getName()).isEqualTo(LoginFailedEventUpcaster.TYPE);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        LoginFailedEvent event = StoredEvents.SERIALIZER.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new LoginFailedEvent("5b0e3a53-8f54-3c2e-a8a0-1d1d7c9a4b21", "SECOND_FACTOR",
                Instant.parse("2026-12-01T07:46:03.918Z"), null));
        assertThat(upcast.getMessageIdentifier()).isEqualTo(stored.get("eventIdentifier").asText());
        assertThat(upcast.getSequenceNumber()).hasValue(stored.get("sequenceNumber").asLong());
    }

    @Test
    void revisionTwoPassesUntouched() throws IOException {
        ObjectNode revision2 = (ObjectNode) StoredEvents.fixture("LoginFailedEvent.rev1.stored.json");
        String payload = StoredEvents.JSON.writeValueAsString(new LoginFailedEvent("a", "LOCKED",
                Instant.parse("2026-12-06T10:00:00Z"), "q3Jm0bX9-cT2vN5_hL8wAg"));
        revision2.put("payloadRevision", "2").put("serializedPayload", payload);

        IntermediateEventRepresentation untouched = StoredEvents.upcastOne(UPCASTER, revision2);

        assertThat(untouched.getType().getRevision()).isEqualTo("2");
        assertThat(untouched.getData().getData()).isEqualTo(payload);
    }
}
