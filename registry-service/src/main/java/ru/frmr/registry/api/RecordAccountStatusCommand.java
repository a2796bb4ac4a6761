package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records in the worker's record what auth-service reported of the login account: a blocked account takes the
 * person out of the public register, so the record's own event stream must say it, in order with its other events.
 *
 * @param status    auth-service's account status ({@code ACTIVE}, {@code BLOCKED}, {@code NEEDS_CONFIRMATION})
 * @param changedAt when auth-service changed it; a report not newer than the last one recorded changes nothing
 */
public record RecordAccountStatusCommand(@TargetAggregateIdentifier String workerId, String accountId, String status,
                                         Instant changedAt) {
}
