package ru.frmr.contracts.documents;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: the owner attached a stored document to something others decide on. The service that owns the
 * target shows the attachment from this event; documents-service lets the deciders read the file.
 *
 * @param targetId       the change id (PROFILE_CHANGE), the link request id (LINK_REQUEST) or the support request id
 *                       (SUPPORT_REQUEST)
 * @param organizationId the organisation a LINK_REQUEST goes to; null otherwise
 */
public record DocumentAttached(String documentId, String ownerAccountId, String ownerWorkerId,
                               DocumentPurpose purpose, String targetId, String organizationId, String mediaType,
                               long sizeBytes, String sha256, Instant attachedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return documentId;
    }
}
