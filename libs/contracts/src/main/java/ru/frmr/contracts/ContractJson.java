package ru.frmr.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of integration events: ISO-8601 dates, unknown fields tolerated on read. */
public final class ContractJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ContractJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(IntegrationEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static <T extends IntegrationEvent> T fromBytes(byte[] data, Class<T> type) {
        try {
            return MAPPER.readValue(data, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + " payload", e);
        }
    }
}
