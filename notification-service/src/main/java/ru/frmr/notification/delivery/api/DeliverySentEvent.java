package ru.frmr.notification.delivery.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;

/** The message went out; published as {@code NotificationSent}. */
@Revision("1")
public record DeliverySentEvent(String notificationId, String sourceEventId, NoticeKind kind,
                                NotificationChannel channel, String recipientKey, int templateVersion, int segments,
                                int attempts, Instant sentAt) {
}
