package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;

/** The message was given up; published as {@code NotificationFailed}. */
@Revision("1")
public record DeliveryFailedEvent(String notificationId, String sourceEventId, NoticeKind kind,
                                  NotificationChannel channel, String recipientKey, DeliveryFailure reason,
                                  int attempts, Instant failedAt) {
}
