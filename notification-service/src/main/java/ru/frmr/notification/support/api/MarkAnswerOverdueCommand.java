package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sweep: the answer target has passed unanswered; answers a {@link SweepOutcome}. */
public record MarkAnswerOverdueCommand(@TargetAggregateIdentifier String requestId, Instant at) {
}
