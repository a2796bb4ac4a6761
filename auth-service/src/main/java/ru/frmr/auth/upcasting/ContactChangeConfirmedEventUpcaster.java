package ru.frmr.auth.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code ContactChangeConfirmedEvent} revision 1 → 2. Revision 2 names the subject its values are sealed under
 * ({@code snilsKey}), so the relay can open them for {@code AccountContactsChanged}. A revision-1 event does not say
 * it, and the event alone cannot tell: it reads with {@code snilsKey} null, and the relay publishes nothing for it
 * (those changes happened before the notification service listened).
 */
class ContactChangeConfirmedEventUpcaster extends SingleEventUpcaster {

    /** The stored type name: a constant, so renaming the class cannot orphan stored events. */
    static final String TYPE = "ru.frmr.auth.api.ContactChangeConfirmedEvent";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, this::toRevision2);
    }

    JsonNode toRevision2(JsonNode revision1) {
        ObjectNode event = ((ObjectNode) revision1).deepCopy();
        event.putNull("snilsKey");
        return event;
    }

    @Override
    public String toString() {
        return "ContactChangeConfirmedEventUpcaster[1 -> 2]";
    }
}
