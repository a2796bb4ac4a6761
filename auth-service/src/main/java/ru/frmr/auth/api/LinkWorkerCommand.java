package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the registry number of the account's worker, as the registry announced it; a repeat changes nothing. */
public record LinkWorkerCommand(@TargetAggregateIdentifier String accountId, String workerId, Instant at) {
}
