package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the identity provider reported an e-mail or mobile number other than the one the account holds.
 * One-time codes keep going to the held e-mail until the change is confirmed ({@link ContactChangeConfirmedEvent}).
 * The new values are personal data tokens sealed under the person's key; null for a kind that did not change.
 */
@Revision("1")
public record ContactChangeRequestedEvent(String accountId, String changeId, String email, String mobile,
                                          Instant at) {

    @Override
    public String toString() {
        return "ContactChangeRequestedEvent[accountId=" + accountId + ", changeId=" + changeId + "]";
    }
}
