package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** A session was opened. */
public record LoginSucceeded(String accountId, String sessionId, LoginMethod method, Instant at)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
