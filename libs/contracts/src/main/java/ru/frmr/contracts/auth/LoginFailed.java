package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A login attempt failed after the person was identified (a wrong one-time code, a locked or blocked
 * account). Failures before identification have no account to attach to and are only counted in metrics.
 *
 * @param reason      e.g. {@code SECOND_FACTOR}, {@code LOCKED}, {@code BLOCKED}
 * @param addressHash the client's address as a keyed hash (HMAC-SHA256 under auth-service's secret key, the first
 *                    16 bytes, base64url without padding): equal for failures from one address, so bursts per
 *                    address can be counted, and never the address itself. Null when the failure was recorded
 *                    before auth-service hashed addresses, or came without a client address.
 */
public record LoginFailed(String accountId, String reason, Instant at, String addressHash) implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
