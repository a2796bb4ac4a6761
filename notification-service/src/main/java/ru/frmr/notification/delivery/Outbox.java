package ru.frmr.notification.delivery;

/**
 * Messages waiting to go out, one per (source event, channel, recipient): sent with retries and back-off behind a
 * circuit breaker per channel, then {@code NotificationSent}; after the retry budget {@code NotificationFailed}, and
 * an operator may retry. Nothing is lost when SMTP or the SMS gateway is down; nothing goes out twice when an
 * entry is queued again.
 */
public interface Outbox {

    void enqueue(OutboxEntry entry);
}
