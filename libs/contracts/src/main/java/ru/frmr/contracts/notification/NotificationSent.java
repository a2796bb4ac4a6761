package ru.frmr.contracts.notification;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a notice went out on one channel. Ids, kinds and counts only: never an address or the text.
 *
 * @param notificationId  one per (source event, channel, recipient): the same notice is never sent twice
 * @param sourceEventId   the CloudEvent id of the event that caused it (or the support request's event)
 * @param kind            the notice's kind ({@code LICENSE_EXPIRING}, {@code SUPPORT_ANSWERED}, …)
 * @param recipient       the account id; {@code supervision:<region code>} for a supervisory authority's mailbox;
 *                        {@code support-request:<id>} for someone who asked without logging in
 * @param templateVersion the version of the template the text was rendered from
 * @param segments        SMS parts billed; 0 for the other channels
 * @param attempts        attempts it took, 1 when the first went through
 */
public record NotificationSent(String notificationId, String sourceEventId, String kind,
                               NotificationChannel channel, String recipient, int templateVersion, int segments,
                               int attempts, Instant sentAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return notificationId;
    }
}
