package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A login attempt failed after the person was identified (a wrong one-time code, a locked or blocked
 * account). Failures before identification have no account to attach to and are only counted in metrics.
 *
 * @param reason e.g. {@code SECOND_FACTOR}, {@code LOCKED}, {@code BLOCKED}
 */
public record LoginFailed(String accountId, String reason, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
