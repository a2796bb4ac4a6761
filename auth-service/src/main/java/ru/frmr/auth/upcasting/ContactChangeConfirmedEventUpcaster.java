package ru.frmr.auth.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.frmr.kit.axon.JsonRevisionUpcaster;

/**
 * {@code ContactChangeConfirmedEvent} revision 1 → 2. Revision 2 names the subject its values are sealed under
 * ({@code snilsKey}), so the relay can open them for {@code AccountContactsChanged}. A revision-1 event does not say
 * it, and the event alone cannot tell: it reads with {@code snilsKey} null, and the relay publishes nothing for it
 * (those changes happened before the notification service listened).
 */
class ContactChangeConfirmedEventUpcaster extends JsonRevisionUpcaster {

    /** The stored type name: a constant, so renaming the class cannot orphan stored events. */
    static final String TYPE = "ru.frmr.auth.api.ContactChangeConfirmedEvent";

    ContactChangeConfirmedEventUpcaster() {
        super(TYPE, 1);
    }

    @Override
    protected JsonNode upcast(ObjectNode event) {
        event.putNull("snilsKey");
        return event;
    }
}
