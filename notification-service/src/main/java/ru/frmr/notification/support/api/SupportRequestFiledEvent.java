package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;

/**
 * @param requesterAccountId null when filed without logging in (the e-mail is in the address book, not here)
 * @param sealedText         sealed under {@link #requesterKey()}
 */
@Revision("1")
public record SupportRequestFiledEvent(String requestId, String ticketNumber, SupportTopic topic,
                                       String requesterAccountId, NotificationChannel answerChannel,
                                       String sealedText, Instant filedAt, Instant answerDueAt) {

    /** The subject the request's texts are sealed under, and the notices' recipient key. */
    public String requesterKey() {
        return requesterKey(requestId, requesterAccountId);
    }

    public static String requesterKey(String requestId, String requesterAccountId) {
        return requesterAccountId != null ? requesterAccountId : "support-request:" + requestId;
    }
}
