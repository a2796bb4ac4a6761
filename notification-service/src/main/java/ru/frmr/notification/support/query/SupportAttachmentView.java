package ru.frmr.notification.support.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document attached to a request in documents-service ({@code DocumentAttached}, purpose SUPPORT_REQUEST). Kept
 * apart from the request: it comes from Kafka and may arrive before the request; it is shown only when its owner is
 * the request's requester.
 *
 * @param id the document and the request together
 */
@Document(SupportAttachmentView.COLLECTION)
public record SupportAttachmentView(@Id String id, String requestId, String ownerAccountId, String documentId,
                                    String mediaType, long sizeBytes, Instant attachedAt) {

    public static final String COLLECTION = "support_request_attachments";
}
