package ru.frmr.contracts.documents;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a file passed the upload checks and is stored. No file name (it may carry a name) and no content.
 *
 * @param ownerWorkerId the uploader's registry id, or null for an account that is not a worker's
 * @param sha256        hex SHA-256 of the stored bytes (after re-encoding for images)
 */
public record DocumentUploaded(String documentId, String ownerAccountId, String ownerWorkerId, String mediaType,
                               long sizeBytes, String sha256, Instant uploadedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return documentId;
    }
}
