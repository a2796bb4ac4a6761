package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** @param status {@code ACTIVE}, {@code BLOCKED} or {@code NEEDS_CONFIRMATION} */
public record AccountStatusChanged(String accountId, String status, String previousStatus, Instant at)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
