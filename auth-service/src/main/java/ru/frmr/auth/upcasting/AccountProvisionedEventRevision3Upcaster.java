package ru.frmr.auth.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@code AccountProvisionedEvent} revision 2 → 3. Revision 3 adds {@code medicalWorker}, because auth-service no
 * longer computes the worker id at provisioning (the registry announces the registry number later). In revision 2
 * an account was a medical worker's exactly when it carried a worker id, which stays: it is that account's record.
 */
class AccountProvisionedEventRevision3Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(AccountProvisionedEventUpcaster.TYPE, "2");
    private static final SimpleSerializedType REVISION_3 =
            new SimpleSerializedType(AccountProvisionedEventUpcaster.TYPE, "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, this::toRevision3);
    }

    JsonNode toRevision3(JsonNode revision2) {
        ObjectNode event = ((ObjectNode) revision2).deepCopy();
        JsonNode workerId = event.path("workerId");
        event.put("medicalWorker", workerId.isTextual() && !workerId.asText().isBlank());
        return event;
    }

    @Override
    public String toString() {
        return "AccountProvisionedEventRevision3Upcaster[2 -> 3]";
    }
}
