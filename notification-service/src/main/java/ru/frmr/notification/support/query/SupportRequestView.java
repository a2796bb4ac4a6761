package ru.frmr.notification.support.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;
import ru.frmr.notification.support.api.SupportStatus;

/**
 * A support request as the requester and SUPPORT see it (texts in {@link SupportMessageView}).
 *
 * @param requesterAccountId null when filed without logging in
 * @param autoCloseAt        when an answered request closes by itself; null unless ANSWERED
 * @param overdueSettled     the answer-target sweep is done with the current target
 * @param version            the sequence number of the last event applied: an older event redelivered changes nothing
 */
@Document(SupportRequestView.COLLECTION)
public record SupportRequestView(@Id String id, String ticketNumber, SupportTopic topic, String requesterAccountId,
                                 NotificationChannel answerChannel, SupportStatus status, Instant filedAt,
                                 Instant answerDueAt, Instant answeredAt, Instant closedAt, Instant autoCloseAt,
                                 boolean overdueSettled, long version) {

    public static final String COLLECTION = "support_requests";

    /** The subject the request's texts are sealed under. */
    public String requesterKey() {
        return requesterAccountId != null ? requesterAccountId : "support-request:" + id;
    }
}
