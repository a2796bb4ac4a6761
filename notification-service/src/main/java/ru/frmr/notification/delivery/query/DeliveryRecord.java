package ru.frmr.notification.delivery.query;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.delivery.api.DeliveryFailure;
import ru.frmr.notification.notice.NoticeKind;

/**
 * A message as the sweeper and the operators see it. {@code sealedFields} (sealed under the recipient's key) are
 * kept only while the message is pending.
 *
 * @param dueAt when the sweeper looks at it next: queued or back-off time, or the end of a claim's lease
 */
@Document("deliveries")
public record DeliveryRecord(@Id String notificationId, String sourceEventId, NoticeKind kind,
                             NotificationChannel channel, String recipientKey, Map<String, String> sealedFields,
                             Status status, Instant dueAt, int attempts, DeliveryFailure reason, Instant failedAt,
                             Instant sentAt, Instant queuedAt) {

    public enum Status { PENDING, SENT, FAILED }

    @Override
    public String toString() {
        return "DeliveryRecord[" + notificationId + ", " + kind + ", " + channel + ", " + status + "]";
    }
}
