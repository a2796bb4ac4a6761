package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attempt {@code attempt} did not go through; the next one is due at {@code nextAttemptAt}. */
public record RecordAttemptFailedCommand(@TargetAggregateIdentifier String notificationId, int attempt,
                                         Instant nextAttemptAt, Instant failedAt) {
}
