package ru.frmr.documents.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentUploaded;
import ru.frmr.documents.upload.api.DocumentAttachedEvent;
import ru.frmr.documents.upload.api.DocumentUploadedEvent;
import ru.frmr.kit.relay.IntegrationEventMapper;

/**
 * What documents-service tells the rest of the platform: ids, types, sizes, digests and statuses. Never a file's
 * name or content, the purpose a person gave for a справка, or a postal address.
 */
@Component
class DocumentsEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
        // uploads and attachments
        if (domainEvent instanceof DocumentUploadedEvent e) {
            return Optional.of(new DocumentUploaded(e.documentId(), e.ownerAccountId(), e.ownerWorkerId(),
                    e.mediaType(), e.sizeBytes(), e.sha256(), e.uploadedAt()));
        }
        if (domainEvent instanceof DocumentAttachedEvent e) {
            return Optional.of(new DocumentAttached(e.documentId(), e.ownerAccountId(), e.ownerWorkerId(),
                    e.attachment().purpose(), e.attachment().targetId(), e.attachment().organizationId(),
                    e.mediaType(), e.sizeBytes(), e.sha256(), e.attachedAt()));
        }

        // справки: requested, issued, delivered, refused

        return Optional.empty();
    }
}
