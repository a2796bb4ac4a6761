package ru.frmr.documents.upload.api;

import ru.frmr.contracts.documents.DocumentPurpose;

/**
 * What a document is attached to; the three values together identify an attachment (attaching twice is once).
 *
 * @param targetId       the change id (PROFILE_CHANGE) or the link request id (LINK_REQUEST)
 * @param organizationId the organisation a LINK_REQUEST goes to; null for PROFILE_CHANGE
 */
public record Attachment(DocumentPurpose purpose, String targetId, String organizationId) {
}
