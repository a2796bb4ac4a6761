package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** Too many failed second-factor attempts: the account cannot log in until {@code lockedUntil}. */
public record AccountLocked(String accountId, Instant lockedUntil, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
