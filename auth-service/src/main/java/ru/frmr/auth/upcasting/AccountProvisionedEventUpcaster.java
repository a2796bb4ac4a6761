package ru.frmr.auth.upcasting;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.frmr.kit.axon.JsonRevisionUpcaster;
import ru.frmr.kit.identity.LegacyWorkerIds;

/**
 * {@code AccountProvisionedEvent} revision 1 → 2. Revision 1 held the person's data in plain text; revision 2
 * holds СНИЛС, ИНН, document fields, e-mail and mobile sealed, under the same field names, and adds
 * {@code snilsKey}, the subject of the person's data key.
 *
 * <p>The legacy values stay where they are, in plain text: an upcaster cannot seal them (it runs on every read,
 * and the plain copy would stay in the store anyway), so readers take a value without the token prefix as plain.
 * Only development data have revision-1 events. {@code snilsKey} is the keyed hash of the plain СНИЛС the worker
 * id was computed with then ({@link LegacyWorkerIds}), so it is the same value a revision-2 event of that person
 * carries; reading revision-1 events therefore needs {@code frmr.identity.legacy-worker-id-key}.
 */
class AccountProvisionedEventUpcaster extends JsonRevisionUpcaster {

    /** The stored type name: a constant, so renaming the class cannot orphan stored events. */
    static final String TYPE = "ru.frmr.auth.api.AccountProvisionedEvent";

    private final Optional<LegacyWorkerIds> legacy;

    AccountProvisionedEventUpcaster(Optional<LegacyWorkerIds> legacy) {
        super(TYPE, 1);
        this.legacy = legacy;
    }

    @Override
    protected JsonNode upcast(ObjectNode event) {
        // Revision 1 required an 11-digit СНИЛС (the aggregate refused any other), so the hash always exists.
        LegacyWorkerIds ids = legacy.orElseThrow(() -> new IllegalStateException("An AccountProvisionedEvent of "
                + "revision 1 (account " + event.path("accountId").asText() + ") can be read only with the key "
                + "worker ids were computed with then: set " + LegacyWorkerIds.PROPERTY));
        event.put("snilsKey", ids.idFor(event.path("person").path("snils").asText()));
        return event;
    }
}
