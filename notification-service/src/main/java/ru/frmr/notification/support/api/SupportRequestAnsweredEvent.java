package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.notification.NotificationChannel;

/**
 * @param sealedText sealed under {@link SupportRequestFiledEvent#requesterKey()}
 * @param late       answered after the answer target
 */
@Revision("1")
public record SupportRequestAnsweredEvent(String requestId, String ticketNumber, String officerAccountId,
                                          String sealedText, boolean late, Instant answeredAt,
                                          String requesterAccountId, NotificationChannel answerChannel) {

    public String requesterKey() {
        return SupportRequestFiledEvent.requesterKey(requestId, requesterAccountId);
    }
}
