package ru.frmr.notification.support.web;

import java.time.Instant;
import java.util.List;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;
import ru.frmr.notification.support.api.SupportStatus;

/** The support API's request and response bodies. */
final class SupportBodies {

    private SupportBodies() {
    }

    /** Filed by a signed-in person; enums as text so that a wrong value is a problem naming its field. */
    record FilingBody(String topic, String text, String answerChannel, List<String> documentIds) {
    }

    /** Filed without logging in: the answer goes to {@code email}. */
    record PublicFilingBody(String topic, String text, String email, String answerChannel) {
    }

    record TextBody(String text) {
    }

    record Filed(String id, String ticketNumber, SupportTopic topic, SupportStatus status, Instant filedAt,
                 Instant answerDueAt, NotificationChannel answerChannel) {
    }

    record PublicFiled(String ticketNumber, SupportStatus status) {
    }

    record StatusChanged(String id, String ticketNumber, SupportStatus status) {
    }

    record Item(String id, String ticketNumber, SupportTopic topic, SupportStatus status, Instant filedAt,
                Instant answeredAt) {
    }

    record Items<T>(List<T> items) {
    }

    record QueueItem(String id, String ticketNumber, SupportTopic topic, SupportStatus status, Instant filedAt,
                     Instant answerDueAt, long secondsLeft, boolean overdue) {
    }

    /** @param text null when the requester's data were erased */
    record Message(String author, String text, Instant at) {
    }

    record AttachmentItem(String documentId, String mediaType, long sizeBytes) {
    }

    /** @param text the request as filed; null when the requester's data were erased */
    record Detail(String id, String ticketNumber, SupportTopic topic, String text, SupportStatus status,
                  Instant filedAt, Instant answerDueAt, Instant answeredAt, NotificationChannel answerChannel,
                  List<Message> messages, List<AttachmentItem> attachments, boolean canReopen, boolean canClose) {
    }

    /**
     * What SUPPORT sees: the detail, who asked, and the time left to the answer target.
     *
     * @param requesterAccountId null when filed without logging in ({@code anonymous})
     */
    record AdminDetail(String id, String ticketNumber, SupportTopic topic, String text, SupportStatus status,
                       Instant filedAt, Instant answerDueAt, Instant answeredAt, NotificationChannel answerChannel,
                       List<Message> messages, List<AttachmentItem> attachments, String requesterAccountId,
                       boolean anonymous, long secondsLeft, boolean overdue) {
    }
}
