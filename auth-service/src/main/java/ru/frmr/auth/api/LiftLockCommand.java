package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator ends a lockout early. */
public record LiftLockCommand(@TargetAggregateIdentifier String accountId, Instant at) {
}
