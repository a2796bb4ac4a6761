package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A session is over; its refresh token no longer works and its access tokens stop working when they
 * expire (or earlier where a service honours this event).
 *
 * @param reason {@code LOGOUT}, {@code ENDED_BY_USER}, {@code IDLE_TIMEOUT}, {@code ABSOLUTE_TIMEOUT},
 *               {@code SESSION_LIMIT}, {@code REFRESH_TOKEN_REUSE}, {@code ACCOUNT_BLOCKED}
 */
public record SessionEnded(String accountId, String sessionId, String reason, Instant at)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
