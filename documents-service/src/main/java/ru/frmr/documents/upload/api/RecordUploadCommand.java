package ru.frmr.documents.upload.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a file that passed the upload rules and is already stored (encrypted) under {@code documentId}.
 *
 * @param attachment what it is attached to from the start, or null
 */
public record RecordUploadCommand(@TargetAggregateIdentifier String documentId, String ownerAccountId,
                                  String ownerWorkerId, String mediaType, long sizeBytes, String sha256,
                                  Instant uploadedAt, Attachment attachment) {
}
