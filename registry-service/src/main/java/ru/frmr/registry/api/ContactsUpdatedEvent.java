package ru.frmr.registry.api;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the worker's contacts now are these. {@code email} and {@code mobile} are personal data tokens
 * sealed under the worker's key (see {@link SealedPersonalData}); events stored before the registry sealed
 * personal data hold them in plain text, in the same fields.
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
