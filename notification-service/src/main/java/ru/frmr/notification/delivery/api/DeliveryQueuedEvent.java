package ru.frmr.notification.delivery.api;

import java.time.Instant;
import java.util.Map;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;

/** A message waits to go out; its fields are sealed under the recipient's key (null: the recipient was erased). */
@Revision("1")
public record DeliveryQueuedEvent(String notificationId, String sourceEventId, NoticeKind kind,
                                  NotificationChannel channel, String recipientKey, Map<String, String> sealedFields,
                                  Instant dueAt, Instant queuedAt) {
}
