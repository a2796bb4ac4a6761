package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Attempt {@code attempt} is claimed until {@code leaseUntil}. */
@Revision("1")
public record DeliveryAttemptStartedEvent(String notificationId, int attempt, Instant leaseUntil,
                                          Instant startedAt) {
}
