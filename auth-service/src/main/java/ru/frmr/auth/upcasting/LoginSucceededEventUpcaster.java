package ru.frmr.auth.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code LoginSucceededEvent} revision 1 → 2. Revision 2 adds the device the login came from and whether it was new
 * to the account. A revision-1 login recorded no device: it reads as device null and not new, so it neither counts
 * as a known device nor is announced again.
 */
class LoginSucceededEventUpcaster extends SingleEventUpcaster {

    /** The stored type name: a constant, so renaming the class cannot orphan stored events. */
    static final String TYPE = "ru.frmr.auth.api.LoginSucceededEvent";
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
        event.putNull("device");
        event.put("newDevice", false);
        return event;
    }

    @Override
    public String toString() {
        return "LoginSucceededEventUpcaster[1 -> 2]";
    }
}
