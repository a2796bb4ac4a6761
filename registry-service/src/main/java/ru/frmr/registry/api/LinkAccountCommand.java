package ru.frmr.registry.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that this login account (auth-service's id) belongs to the worker; repeating it changes nothing. */
public record LinkAccountCommand(@TargetAggregateIdentifier String workerId, String accountId) {
}
