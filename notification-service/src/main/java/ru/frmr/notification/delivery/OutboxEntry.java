package ru.frmr.notification.delivery;

import java.time.Instant;
import java.util.Map;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;

/**
 * One message to send on one channel.
 *
 * @param notificationId {@link #idOf}: the same source event, channel and recipient always give the same id
 * @param recipientKey   {@link ru.frmr.notification.notice.Recipient#key()}
 * @param fields         the template's values; stored sealed under the recipient's key
 * @param notBefore      not sent before (the end of the recipient's quiet hours); null to send at once
 */
public record OutboxEntry(String notificationId, String sourceEventId, NoticeKind kind, NotificationChannel channel,
                          String recipientKey, Map<String, String> fields, Instant notBefore, Instant queuedAt) {

    public OutboxEntry {
        fields = Map.copyOf(fields);
    }

    public static String idOf(String sourceEventId, NotificationChannel channel, String recipientKey) {
        return java.util.UUID.nameUUIDFromBytes((sourceEventId + "|" + channel + "|" + recipientKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String toString() {
        return "OutboxEntry[" + notificationId + ", " + kind + ", " + channel + "]";
    }
}
