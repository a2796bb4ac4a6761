package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A failed message is due again at {@code retriedAt}, its attempts counted from zero. */
@Revision("1")
public record DeliveryRetriedEvent(String notificationId, Instant retriedAt) {
}
