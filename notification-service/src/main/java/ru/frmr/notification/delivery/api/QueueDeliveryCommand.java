package ru.frmr.notification.delivery.api;

import java.time.Instant;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;

/**
 * Queues one message; the same {@code notificationId} again queues nothing.
 *
 * @param sealedFields the template's values, each sealed under the recipient's key; null when the recipient's
 *                     data were already erased (the delivery then fails with RECIPIENT_ERASED)
 * @param dueAt        not attempted before (the end of quiet hours, or the time it was queued)
 */
public record QueueDeliveryCommand(@TargetAggregateIdentifier String notificationId, String sourceEventId,
                                   NoticeKind kind, NotificationChannel channel, String recipientKey,
                                   Map<String, String> sealedFields, Instant dueAt, Instant queuedAt) {
}
