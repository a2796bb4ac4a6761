package ru.frmr.kit.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One revision step, {@code n → n + 1}, of a stored domain event whose payload is JSON. The type is named by a
 * constant string, so renaming the event's class cannot orphan stored events; a subclass only says how the next
 * revision's payload is made from a copy of the stored one. Each step comes with a JSON fixture test.
 */
public abstract class JsonRevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    /** @param type the event's stored type name (its class name when it was stored) */
    protected JsonRevisionUpcaster(String type, int fromRevision) {
        this.from = new SimpleSerializedType(type, String.valueOf(fromRevision));
        this.to = new SimpleSerializedType(type, String.valueOf(fromRevision + 1));
    }

    /** The next revision's payload, made from {@code event}: a copy of the stored payload, free to change. */
    protected abstract JsonNode upcast(ObjectNode event);

    /** The next revision's payload of {@code stored}; {@code stored} itself stays as it is. */
    public final JsonNode upcastJson(JsonNode stored) {
        return upcast(((ObjectNode) stored).deepCopy());
    }

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, this::upcastJson);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + from.getRevision() + " -> " + to.getRevision() + "]";
    }
}
