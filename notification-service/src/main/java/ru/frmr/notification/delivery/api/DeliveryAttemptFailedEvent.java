package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An attempt failed; the message is due again at {@code nextAttemptAt} (back-off). */
@Revision("1")
public record DeliveryAttemptFailedEvent(String notificationId, int attempt, Instant nextAttemptAt,
                                         Instant failedAt) {
}
