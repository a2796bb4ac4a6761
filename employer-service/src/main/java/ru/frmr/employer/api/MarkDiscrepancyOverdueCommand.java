package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a discrepancy's due date has passed without an answer, if it has. Sent by any replica's deadline
 * sweeper, possibly more than once: the discrepancy answers with an {@link OverdueOutcome} and becomes overdue at
 * most once.
 *
 * @param now the sender's clock, so the aggregate needs none
 */
public record MarkDiscrepancyOverdueCommand(@TargetAggregateIdentifier String discrepancyId, Instant now) {
}
