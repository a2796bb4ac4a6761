package ru.frmr.contracts.notification;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a notice could not be delivered on one channel. Either its retry budget ran out (an operator may
 * retry it: a later {@code NotificationSent} with the same {@code notificationId} follows) or it can never be sent.
 *
 * @param reason {@code RETRIES_EXHAUSTED}, {@code NO_ADDRESS} (the person holds no address for the channel) or
 *               {@code RECIPIENT_ERASED} (the person's data were erased: nothing more is sent to them)
 * @see NotificationSent for the other fields
 */
public record NotificationFailed(String notificationId, String sourceEventId, String kind,
                                 NotificationChannel channel, String recipient, String reason, int attempts,
                                 Instant failedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return notificationId;
    }
}
