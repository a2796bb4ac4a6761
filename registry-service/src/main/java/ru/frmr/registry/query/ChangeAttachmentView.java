package ru.frmr.registry.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document its owner attached to a profile change (documents-service's {@code DocumentAttached}). Kept apart from
 * {@link ProfileChangeView}: that view is rebuilt from the registry's own events on a replay, and these come from
 * Kafka, so they would be lost with it; and an attachment may arrive before the change it names.
 *
 * @param id            the document and the change together: one document may be attached to several changes
 * @param ownerWorkerId the uploader; shown only on a change of this worker
 */
@Document(ChangeAttachmentView.COLLECTION)
public record ChangeAttachmentView(@Id String id, String changeId, String ownerWorkerId, String documentId,
                                   String mediaType, long sizeBytes, String sha256, Instant attachedAt) {

    public static final String COLLECTION = "change_attachments";
}
