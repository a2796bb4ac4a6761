package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the account's contacts are now these; one-time codes go to the new e-mail. The values are personal
 * data tokens sealed under the person's key; null for a kind that did not change.
 *
 * @param changeId    the confirmed {@link ContactChangeRequestedEvent}'s id; null when nothing had to be confirmed
 * @param confirmedBy how the change was trusted
 */
@Revision("1")
public record ContactChangeConfirmedEvent(String accountId, String changeId, ContactConfirmation confirmedBy,
                                          String email, String mobile, Instant at) {

    @Override
    public String toString() {
        return "ContactChangeConfirmedEvent[accountId=" + accountId + ", changeId=" + changeId + ", confirmedBy="
                + confirmedBy + "]";
    }
}
