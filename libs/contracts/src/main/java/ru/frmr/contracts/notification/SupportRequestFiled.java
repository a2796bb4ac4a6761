package ru.frmr.contracts.notification;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a person filed a support request (обращение). Never the text or an address.
 *
 * @param ticketNumber       what the person reads out on the phone: {@code ФРМР-2026-000123}
 * @param requesterAccountId the requester's account; null when they filed without logging in
 * @param answerChannel      {@code EMAIL} or {@code INBOX} (the cabinet)
 * @param answerDueAt        the target for the first answer (24 hours after filing)
 */
public record SupportRequestFiled(String requestId, String ticketNumber, SupportTopic topic,
                                  String requesterAccountId, NotificationChannel answerChannel, Instant answerDueAt,
                                  Instant filedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
