package ru.frmr.auth.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.LoginSucceededEvent;
import ru.frmr.contracts.auth.LoginMethod;

/** A {@code LoginSucceededEvent} as auth-service stored it before devices were recorded reads as revision 2. */
class LoginSucceededEventUpcasterTest {

    private static final LoginSucceededEventUpcaster UPCASTER = new LoginSucceededEventUpcaster();

    @Test
    void aStoredRevisionOneLoginReadsWithoutADeviceAndNotNew() throws IOException {
        JsonNode stored = StoredEvents.fixture("LoginSucceededEvent.rev1.stored.json");

        IntermediateEventRepresentation upcast = StoredEvents.upcastOne(UPCASTER, stored);

        assertThat(upcast.getType().getName()).isEqualTo(LoginSucceededEventUpcaster.TYPE);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        LoginSucceededEvent event = StoredEvents.SERIALIZER.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new LoginSucceededEvent("5b0e3a53-8f54-3c2e-a8a0-1d1d7c9a4b21",
                "0c6f8a52-4e1d-4b7a-9f3e-2a6d5c7b8e90", LoginMethod.ESIA, Instant.parse("2026-12-01T07:45:12.337Z"),
                null, false));
        assertThat(upcast.getMessageIdentifier()).isEqualTo(stored.get("eventIdentifier").asText());
        assertThat(upcast.getSequenceNumber()).hasValue(stored.get("sequenceNumber").asLong());
    }

    @Test
    void revisionTwoPassesUntouched() throws IOException {
        ObjectNode revision2 = (ObjectNode) StoredEvents.fixture("LoginSucceededEvent.rev1.stored.json");
        String payload = StoredEvents.JSON.writeValueAsString(new LoginSucceededEvent("a", "s", LoginMethod.ESIA,
                Instant.parse("2026-12-06T10:00:00Z"), "Chrome, Windows", true));
        revision2.put("payloadRevision", "2").put("serializedPayload", payload);

        IntermediateEventRepresentation untouched = StoredEvents.upcastOne(UPCASTER, revision2);

        assertThat(untouched.getType().getRevision()).isEqualTo("2");
        assertThat(untouched.getData().getData()).isEqualTo(payload);
    }
}
