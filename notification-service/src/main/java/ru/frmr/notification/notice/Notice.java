package ru.frmr.notification.notice;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import ru.frmr.contracts.notification.NotificationChannel;

/**
 * Something a person should be told. At most one message per (source event, channel, recipient), however often
 * the same notice is told.
 *
 * @param sourceEventId the CloudEvent id of the event that caused it (for a support request, its domain event's id)
 * @param fields        the values the kind's templates use (names, dates, reasons), all as display text
 * @param channels      the channels to use whatever the preferences (a support answer goes where the requester
 *                      asked); null to follow the recipient's preferences
 */
public record Notice(String sourceEventId, NoticeKind kind, Recipient recipient, Map<String, String> fields,
                     Set<NotificationChannel> channels, Instant occurredAt) {

    public Notice {
        fields = Map.copyOf(fields);
        channels = channels == null ? null : Set.copyOf(channels);
    }

    public Notice(String sourceEventId, NoticeKind kind, Recipient recipient, Map<String, String> fields,
                  Instant occurredAt) {
        this(sourceEventId, kind, recipient, fields, null, occurredAt);
    }

    @Override
    public String toString() {
        return "Notice[" + kind + " from " + sourceEventId + "]";
    }
}
