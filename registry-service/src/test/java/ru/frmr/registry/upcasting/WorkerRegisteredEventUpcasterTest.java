package ru.frmr.registry.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;

/**
 * Revision-1 {@code WorkerRegisteredEvent}s as the registry stored them (documents of the {@code domainevents}
 * collection, captured from a run before revision 2) read as revision 2 through the upcaster chain.
 */
class WorkerRegisteredEventUpcasterTest {

    /** Strict: a field that the upcaster left where revision 2 has none fails the test. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(JSON).build();
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(new WorkerRegisteredEventUpcaster());

    @Test
    void aStoredRevisionOneEventReadsAsRevisionTwoWithItsPlainValuesCarriedIntoPersonalData() throws IOException {
        JsonNode stored = fixture("WorkerRegisteredEvent.rev1.stored.json");

        IntermediateEventRepresentation upcast = upcastOne(stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getType().getName()).isEqualTo(WorkerRegisteredEventUpcaster.TYPE);
        WorkerRegisteredEvent event = SERIALIZER.deserialize(upcast.getData());
        assertThat(event.workerId()).isEqualTo(stored.get("aggregateIdentifier").asText());
        assertThat(event.lastName()).isEqualTo("Петров");
        assertThat(event.firstName()).isEqualTo("Пётр");
        assertThat(event.middleName()).isEqualTo("Сергеевич");
        assertThat(event.birthDate()).isEqualTo(LocalDate.of(1979, 2, 3));
        assertThat(event.gender()).isNull();
        assertThat(event.citizenship()).isNull();
        assertThat(event.personalData()).isEqualTo(new SealedPersonalData("12345678964", null, null,
                "petrov@frmr.test", "+79990000002"));
        // Event id, aggregate and sequence stay: only the payload changed shape.
        assertThat(upcast.getMessageIdentifier()).isEqualTo(stored.get("eventIdentifier").asText());
        assertThat(upcast.getSequenceNumber()).hasValue(stored.get("sequenceNumber").asLong());
    }

    @Test
    void aRevisionOneEventFromBeforeMobilesWereRecordedGetsANullMobile() throws IOException {
        ObjectNode stored = (ObjectNode) fixture("WorkerRegisteredEvent.rev1.stored.json");
        ObjectNode payload = (ObjectNode) JSON.readTree(stored.get("serializedPayload").asText());
        payload.remove("mobile");
        stored.put("serializedPayload", JSON.writeValueAsString(payload));

        WorkerRegisteredEvent event = SERIALIZER.deserialize(upcastOne(stored).getData());

        assertThat(event.personalData().mobile()).isNull();
        assertThat(event.personalData().snils()).isEqualTo("12345678964");
    }

    @Test
    void otherEventsAndRevisionTwoPassUntouched() throws IOException {
        JsonNode contacts = fixture("legacy-worker-stream.rev1.stored.json").get(1);
        assertThat(upcastOne(contacts).getData().getData()).isEqualTo(contacts.get("serializedPayload").asText());

        ObjectNode revision2 = (ObjectNode) fixture("WorkerRegisteredEvent.rev1.stored.json");
        String payload = JSON.writeValueAsString(new WorkerRegisteredEventUpcaster().upcastJson(
                JSON.readTree(revision2.get("serializedPayload").asText())));
        revision2.put("payloadRevision", "2").put("serializedPayload", payload);
        IntermediateEventRepresentation untouched = upcastOne(revision2);
        assertThat(untouched.getType().getRevision()).isEqualTo("2");
        assertThat(untouched.getData().getData()).isEqualTo(payload);
    }

    private static IntermediateEventRepresentation upcastOne(JsonNode stored) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(stored.get("type").asText(),
                stored.get("aggregateIdentifier").asText(), stored.get("sequenceNumber").asLong(),
                stored.get("eventIdentifier").asText(), Instant.parse(stored.get("timestamp").asText()),
                stored.get("payloadType").asText(), stored.get("payloadRevision").asText(),
                stored.get("serializedPayload").asText(), stored.get("serializedMetaData").asText());
        List<IntermediateEventRepresentation> upcast = CHAIN.upcast(
                Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = WorkerRegisteredEventUpcasterTest.class.getResourceAsStream("/upcasting/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
