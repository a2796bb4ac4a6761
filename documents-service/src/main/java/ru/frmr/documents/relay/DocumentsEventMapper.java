package ru.frmr.documents.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentUploaded;
import ru.frmr.documents.upload.api.DocumentAttachedEvent;
import ru.frmr.documents.upload.api.DocumentUploadedEvent;
import ru.frmr.contracts.documents.CertificateDelivered;
import ru.frmr.contracts.documents.CertificateIssued;
import ru.frmr.contracts.documents.CertificateRefused;
import ru.frmr.contracts.documents.CertificateRequested;
import ru.frmr.documents.certificate.api.CertificateDeliveredEvent;
import ru.frmr.documents.certificate.api.CertificateIssuedEvent;
import ru.frmr.documents.certificate.api.CertificateRefusedEvent;
import ru.frmr.documents.certificate.api.CertificateRequestedEvent;
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
        if (domainEvent instanceof CertificateRequestedEvent e) {
            return Optional.of(new CertificateRequested(e.requestId(), e.workerId(), e.type(), e.delivery(),
                    e.requestedAt()));
        }
        if (domainEvent instanceof CertificateIssuedEvent e) {
            return Optional.of(new CertificateIssued(e.requestId(), e.workerId(), e.type(), e.number(), e.sha256(),
                    e.issuedAt(), e.validUntil()));
        }
        if (domainEvent instanceof CertificateDeliveredEvent e) {
            return Optional.of(new CertificateDelivered(e.requestId(), e.workerId(), e.number(),
                    e.channel().delivery(), e.trackingNumber(), e.deliveredAt()));
        }
        if (domainEvent instanceof CertificateRefusedEvent e) {
            return Optional.of(new CertificateRefused(e.requestId(), e.workerId(), e.type(), e.reason(),
                    e.refusedAt()));
        }

        return Optional.empty();
    }
}
