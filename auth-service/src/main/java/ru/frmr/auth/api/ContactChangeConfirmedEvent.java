package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the account's contacts are now these; one-time codes go to the new e-mail. The values are personal
 * data tokens sealed under the person's key; null for a kind that did not change. Revision 2 adds {@code snilsKey}.
 *
 * @param changeId    the confirmed {@link ContactChangeRequestedEvent}'s id; null when nothing had to be confirmed
 * @param confirmedBy how the change was trusted
 * @param snilsKey    the subject the values are sealed under (the relay opens them with it); null in events of
 *                    revision 1
 */
@Revision("2")
public record ContactChangeConfirmedEvent(String accountId, String changeId, ContactConfirmation confirmedBy,
                                          String email, String mobile, Instant at, String snilsKey) {

    @Override
    public String toString() {
        return "ContactChangeConfirmedEvent[accountId=" + accountId + ", changeId=" + changeId + ", confirmedBy="
                + confirmedBy + "]";
    }
}
