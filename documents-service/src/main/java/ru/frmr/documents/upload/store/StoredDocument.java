package ru.frmr.documents.upload.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What documents-service knows of an uploaded file besides its bytes (in the GridFS bucket {@code uploads} under
 * the same id): its owner, its type and digest, the file key and name sealed under the owner's personal-data key,
 * and what it is attached to. A shredded document keeps this record without key and name, so that a download
 * answers "gone" rather than "never existed".
 *
 * @param sealedFileKey  the file's AES key, base64, sealed by the kit's cipher (subject: the owner's worker id)
 * @param sealedFileName the name the uploader gave, sealed the same way (a name may name a person)
 */
@Document("uploaded_documents")
public record StoredDocument(@Id String documentId, String ownerAccountId, String ownerWorkerId,
                             String sealedFileName, String mediaType, long sizeBytes, String sha256,
                             Instant uploadedAt, String sealedFileKey, List<AttachmentRecord> attachments,
                             Instant shreddedAt) {

    public StoredDocument {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** @param organizationId null unless LINK_REQUEST */
    public record AttachmentRecord(String purpose, String targetId, String organizationId) {
    }
}
