package ru.frmr.auth.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.frmr.kit.axon.JsonRevisionUpcaster;

/**
 * {@code AccountProvisionedEvent} revision 2 → 3. Revision 3 adds {@code medicalWorker}, because auth-service no
 * longer computes the worker id at provisioning (the registry announces the registry number later). In revision 2
 * an account was a medical worker's exactly when it carried a worker id, which stays: it is that account's record.
 */
class AccountProvisionedEventRevision3Upcaster extends JsonRevisionUpcaster {


    AccountProvisionedEventRevision3Upcaster() {
        super(AccountProvisionedEventUpcaster.TYPE, 2);
    }

    @Override
    protected JsonNode upcast(ObjectNode event) {
        JsonNode workerId = event.path("workerId");
        event.put("medicalWorker", workerId.isTextual() && !workerId.asText().isBlank());
        return event;
    }
}
