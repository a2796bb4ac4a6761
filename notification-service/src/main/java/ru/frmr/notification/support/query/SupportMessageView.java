package ru.frmr.notification.support.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of a request's conversation: the request itself, support's answers, the requester's reopenings.
 *
 * @param id         the event's id: a redelivered event writes the same message
 * @param sealedText sealed under the requester's key
 * @param sequence   the event's place in the request's history (the conversation's order)
 */
@Document(SupportMessageView.COLLECTION)
public record SupportMessageView(@Id String id, String requestId, Author author, String sealedText, Instant at,
                                 long sequence) {

    public static final String COLLECTION = "support_request_messages";

    public enum Author { REQUESTER, SUPPORT }
}
