package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: an account exists for this person. The relay opens the sealed data and forwards them to the
 * registry. Revision 2 holds the personal data sealed and adds {@code snilsKey}; revision-1 events (plain values)
 * are upcast ({@code AccountProvisionedEventUpcaster}).
 *
 * @param snilsKey the keyed hash of the СНИЛС: the subject of the person's data key and the QES lookup key
 */
@Revision("2")
public record AccountProvisionedEvent(String accountId, String esiaOid, SealedPersonData person, String workerId,
                                      AccountStatus status, Instant at, String snilsKey) {

    @Override
    public String toString() {
        return "AccountProvisionedEvent[accountId=" + accountId + "]";
    }
}
