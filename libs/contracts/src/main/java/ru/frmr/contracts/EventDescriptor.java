package ru.frmr.contracts;

import java.util.Objects;

/**
 * What a subscriber needs to know about one event type.
 *
 * @param type           CloudEvents type, e.g. {@code ru.frmr.registry.ProfileUpdated.v1}
 * @param topic          the producing service's topic
 * @param payloadClass   the record carried as CloudEvents data (JSON)
 * @param publicContract true when outside subscribers rely on it; such events are also
 *                       published to {@link Topics#PUBLIC_EVENTS}
 */
public record EventDescriptor(String type, String topic, Class<? extends IntegrationEvent> payloadClass,
                              boolean publicContract) {

    public EventDescriptor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadClass, "payloadClass");
    }

    /** Classpath location of the JSON Schema for this type. */
    public String schemaResource() {
        return "/schemas/" + type + ".schema.json";
    }
}
