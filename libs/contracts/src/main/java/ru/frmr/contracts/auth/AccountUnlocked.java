package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** A lock ended (its time ran out, or an administrator lifted it). */
public record AccountUnlocked(String accountId, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
