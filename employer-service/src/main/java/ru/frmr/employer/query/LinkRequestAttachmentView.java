package ru.frmr.employer.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document (the employment contract) a worker attached to a link request (documents-service's
 * {@code DocumentAttached}). Kept apart from {@link LinkRequestView}: that view is rebuilt from this service's own
 * events on a replay, these come from Kafka; and one may arrive before the request it names.
 *
 * @param id the document and the request together: one document may be attached to several requests
 */
@Document(LinkRequestAttachmentView.COLLECTION)
public record LinkRequestAttachmentView(@Id String id, String requestId, String organizationId, String ownerWorkerId,
                                        String documentId, String mediaType, long sizeBytes, String sha256,
                                        Instant attachedAt) {

    public static final String COLLECTION = "link_request_attachments";
}
