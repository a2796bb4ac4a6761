package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sweep: closes a request answered 14 days ago and not reopened; answers a {@link SweepOutcome}. */
public record AutoCloseSupportRequestCommand(@TargetAggregateIdentifier String requestId, Instant at) {
}
