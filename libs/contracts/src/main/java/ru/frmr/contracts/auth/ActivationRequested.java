package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** A person whose account needs confirmation asked an administrator to activate it. */
public record ActivationRequested(String accountId, Instant at) implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }
}
