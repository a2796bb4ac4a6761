package ru.frmr.documents.upload.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The owner attached the document; carries what the deciders' services show about the file. */
@Revision("1")
public record DocumentAttachedEvent(String documentId, String ownerAccountId, String ownerWorkerId,
                                    Attachment attachment, String mediaType, long sizeBytes, String sha256,
                                    Instant attachedAt) {
}
