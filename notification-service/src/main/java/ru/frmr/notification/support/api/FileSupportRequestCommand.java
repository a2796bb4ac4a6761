package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;

/**
 * Files a request. The text is plain here (commands are not stored); the aggregate seals it.
 *
 * @param requesterAccountId the signed-in requester's account; null when filed without logging in
 */
public record FileSupportRequestCommand(@TargetAggregateIdentifier String requestId, String ticketNumber,
                                        SupportTopic topic, String text, String requesterAccountId,
                                        NotificationChannel answerChannel, Instant filedAt) {

    @Override
    public String toString() {
        return "FileSupportRequestCommand[" + requestId + ", " + ticketNumber + "]";
    }
}
