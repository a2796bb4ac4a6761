package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: an account exists for this person. Holds personal data; the relay forwards it to the registry. */
@Revision("1")
public record AccountProvisionedEvent(String accountId, String esiaOid, PersonData person, String workerId,
                                      AccountStatus status, Instant at) {

    @Override
    public String toString() {
        return "AccountProvisionedEvent[accountId=" + accountId + "]";
    }
}
