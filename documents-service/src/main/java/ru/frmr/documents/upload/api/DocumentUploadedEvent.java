package ru.frmr.documents.upload.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A file passed the upload rules and is stored; no name, no content. */
@Revision("1")
public record DocumentUploadedEvent(String documentId, String ownerAccountId, String ownerWorkerId,
                                    String mediaType, long sizeBytes, String sha256, Instant uploadedAt) {
}
