package ru.frmr.auth.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.auth.api.AccountStatus;

/**
 * Read model of an account.
 *
 * @param esiaOid  unique: one account per ESIA person
 * @param snilsKey {@code keyId:digest} of auth's private СНИЛС index ({@code SnilsIndexKeys}; the legacy worker id
 *                 for accounts from before registry numbers), to find the account of a qualified certificate
 *                 without storing the СНИЛС here
 * @param workerId the registry number of the account's worker, once the registry announced it
 * @param email    where one-time codes go: a personal data token sealed under the key of {@code snilsKey}
 *                 ({@code PersonalDataVault}); plain in views built from events stored before sealing
 * @param activationRequestedAt when the person asked for activation while the account needs confirmation; null
 *                 when no request is open (none made, or an administrator has activated or blocked the account)
 * @param personalDataErasedAt when the person's data key was shredded, or null
 * @param version  sequence number of the last event applied
 * @param pendingContactChangeId   the contact change waiting for confirmation (its values stay in the event store),
 *                 or null
 * @param contactChangeRequestedAt when that change was reported, or null
 */
@Document(AccountView.COLLECTION)
public record AccountView(@Id String id, String esiaOid, String snilsKey, String workerId, AccountStatus status,
                          Instant lockedUntil, String email, Instant provisionedAt, Instant lastLoginAt,
                          Instant activationRequestedAt, long version, Instant personalDataErasedAt,
                          String pendingContactChangeId, Instant contactChangeRequestedAt) {

    public static final String COLLECTION = "account_views";

    @Override
    public String toString() {
        return "AccountView[id=" + id + ", status=" + status + "]";
    }
}
