package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestActivationCommand(@TargetAggregateIdentifier String accountId, Instant at) {
}
