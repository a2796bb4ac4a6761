package ru.frmr.auth.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.frmr.kit.axon.JsonRevisionUpcaster;

/**
 * {@code LoginSucceededEvent} revision 1 → 2. Revision 2 adds the device the login came from and whether it was new
 * to the account. A revision-1 login recorded no device: it reads as device null and not new, so it neither counts
 * as a known device nor is announced again.
 */
class LoginSucceededEventUpcaster extends JsonRevisionUpcaster {

    /** The stored type name: a constant, so renaming the class cannot orphan stored events. */
    static final String TYPE = "ru.frmr.auth.api.LoginSucceededEvent";

    LoginSucceededEventUpcaster() {
        super(TYPE, 1);
    }

    @Override
    protected JsonNode upcast(ObjectNode event) {
        event.putNull("device");
        event.put("newDevice", false);
        return event;
    }
}
