package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: an account exists for this person. The relay opens the sealed data and forwards them to the
 * registry. Revision 2 holds the personal data sealed and adds {@code snilsKey}; revision 3 adds
 * {@code medicalWorker}, as auth-service no longer knows the registry number when it provisions (the registry
 * tells it later: {@code AccountWorkerLinkedEvent}). Older revisions are upcast ({@code upcasting}).
 *
 * @param workerId      the record's id for accounts provisioned before registry numbers (it was computed here);
 *                      null since revision 3
 * @param snilsKey      the subject of the person's data key and the QES lookup key: {@code keyId:digest} of auth's
 *                      private СНИЛС index ({@code SnilsIndexKeys}); in events before revision 3 the legacy worker id
 * @param medicalWorker the person logs in as a medical worker, so the registry keeps a record of them
 */
@Revision("3")
public record AccountProvisionedEvent(String accountId, String esiaOid, SealedPersonData person, String workerId,
                                      AccountStatus status, Instant at, String snilsKey, boolean medicalWorker) {

    @Override
    public String toString() {
        return "AccountProvisionedEvent[accountId=" + accountId + "]";
    }
}
