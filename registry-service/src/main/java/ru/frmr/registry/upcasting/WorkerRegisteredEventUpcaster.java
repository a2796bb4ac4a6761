package ru.frmr.registry.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.frmr.kit.axon.JsonRevisionUpcaster;

/**
 * {@code WorkerRegisteredEvent} revision 1 → 2. Revision 1 held СНИЛС, e-mail and mobile as plain top-level
 * fields; revision 2 holds them sealed in {@code personalData} beside ИНН and identity document, and adds
 * gender and citizenship.
 *
 * <p>The legacy values are carried into {@code personalData} as they are, in plain text: an upcaster cannot
 * seal them (it runs on every read, without the worker's key, and the plain copy would stay in the store
 * anyway), so readers take a value without the token prefix as plain. Only development data have revision-1
 * events. What revision 1 never had (ИНН, document, gender, citizenship) becomes null: unknown.
 */
class WorkerRegisteredEventUpcaster extends JsonRevisionUpcaster {

    /** The stored type name: a constant, so renaming the class cannot orphan stored events. */
    static final String TYPE = "ru.frmr.registry.api.WorkerRegisteredEvent";

    WorkerRegisteredEventUpcaster() {
        super(TYPE, 1);
    }

    @Override
    protected JsonNode upcast(ObjectNode event) {
        ObjectNode personalData = event.objectNode();
        personalData.set("snils", event.remove("snils"));
        personalData.putNull("inn");
        personalData.putNull("identityDocument");
        personalData.set("email", event.remove("email"));
        // Events stored before mobile was recorded have no such field at all.
        JsonNode mobile = event.remove("mobile");
        personalData.set("mobile", mobile == null ? event.nullNode() : mobile);
        event.putNull("gender");
        event.putNull("citizenship");
        event.set("personalData", personalData);
        return event;
    }
}
