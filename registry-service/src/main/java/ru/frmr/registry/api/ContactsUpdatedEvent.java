package ru.frmr.registry.api;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the worker's contacts now are these.
 *
 * @param profileVersion the profile's version after this change, for subscribers to order updates
 */
@Revision("1")
public record ContactsUpdatedEvent(String workerId, String email, String mobile, long profileVersion) {

    @Override
    public String toString() {
        return "ContactsUpdatedEvent[workerId=" + workerId + "]";
    }
}
