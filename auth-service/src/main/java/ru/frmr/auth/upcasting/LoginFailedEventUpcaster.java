package ru.frmr.auth.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.frmr.kit.axon.JsonRevisionUpcaster;

/**
 * {@code LoginFailedEvent} revision 1 → 2. Revision 2 adds the keyed hash of the client's address. A revision-1
 * failure recorded no address: it reads as hash null, which the per-address anomaly rule does not count.
 */
class LoginFailedEventUpcaster extends JsonRevisionUpcaster {

    /** The stored type name: a constant, so renaming the class cannot orphan stored events. */
    static final String TYPE = "ru.frmr.auth.api.LoginFailedEvent";

    LoginFailedEventUpcaster() {
        super(TYPE, 1);
    }

    @Override
    protected JsonNode upcast(ObjectNode event) {
        event.putNull("addressHash");
        return event;
    }
}
