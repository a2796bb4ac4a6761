package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: the contacts of an account changed (confirmed from the previous e-mail, by an administrator, or
 * without confirmation when the account held none). Carries personal data, so it never leaves
 * {@code frmr.auth.events}; the notification service keeps the new addresses (sealed) and tells the person at the
 * old and the new ones.
 *
 * @param email  the e-mail now held, or null when it did not change
 * @param mobile the mobile number now held ({@code +7…}), or null when it did not change
 */
public record AccountContactsChanged(String accountId, String email, String mobile, Instant changedAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }

    @Override
    public String toString() {
        return "AccountContactsChanged[accountId=" + accountId + "]";
    }
}
