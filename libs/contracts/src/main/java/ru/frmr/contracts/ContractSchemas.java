package ru.frmr.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates an event's JSON against the schema published for its type. */
public final class ContractSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The violations of {@code data} against the schema of {@code type}; empty when it conforms. */
    public static List<String> violations(String type, byte[] data) {
        EventDescriptor descriptor = EventCatalog.byType(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
        JsonSchema schema = CACHE.computeIfAbsent(type, t -> load(descriptor));
        JsonNode node;
        try {
            node = ContractJson.mapper().readTree(data);
        } catch (IOException e) {
            return List.of("not JSON");
        }
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static List<String> violations(IntegrationEvent event) {
        return violations(EventCatalog.of(event.getClass()).type(), ContractJson.toBytes(event));
    }

    private static JsonSchema load(EventDescriptor descriptor) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream(descriptor.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema at " + descriptor.schemaResource());
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
