package ru.frmr.auth.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/** Stored events (documents of the {@code domainevents} collection) from {@code src/test/resources/upcasting/}. */
final class StoredEvents {

    /** Strict: a field the upcaster left out or put where the current revision has none fails the test. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(JSON).build();

    private StoredEvents() {
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = StoredEvents.class.getResourceAsStream("/upcasting/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }

    static IntermediateEventRepresentation upcastOne(EventUpcaster upcaster, JsonNode stored) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(stored.get("type").asText(),
                stored.get("aggregateIdentifier").asText(), stored.get("sequenceNumber").asLong(),
                stored.get("eventIdentifier").asText(), Instant.parse(stored.get("timestamp").asText()),
                stored.get("payloadType").asText(), stored.get("payloadRevision").asText(),
                stored.get("serializedPayload").asText(), stored.get("serializedMetaData").asText());
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(
                Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }
}
