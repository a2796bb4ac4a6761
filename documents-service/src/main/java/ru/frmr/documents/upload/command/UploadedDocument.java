package ru.frmr.documents.upload.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.documents.upload.api.AttachDocumentCommand;
import ru.frmr.documents.upload.api.Attachment;
import ru.frmr.documents.upload.api.DocumentAttachedEvent;
import ru.frmr.documents.upload.api.DocumentUploadedEvent;
import ru.frmr.documents.upload.api.RecordUploadCommand;
import ru.frmr.kit.error.NotFoundException;

/**
 * An uploaded document: who owns it and what it is attached to. The bytes live in GridFS (written before the upload
 * is recorded here); this aggregate is what decides an attachment and what the relay publishes from. Attaching the
 * same (purpose, target, organisation) again records nothing, so a repeated request is harmless; anyone but the
 * owner is told the document does not exist.
 */
@Aggregate
class UploadedDocument {

    @AggregateIdentifier
    private String documentId;
    private String ownerAccountId;
    private String ownerWorkerId;
    private String mediaType;
    private long sizeBytes;
    private String sha256;
    private final Set<Attachment> attachments = new HashSet<>();

    UploadedDocument() {
    }

    @CommandHandler
    UploadedDocument(RecordUploadCommand command) {
        apply(new DocumentUploadedEvent(command.documentId(), command.ownerAccountId(), command.ownerWorkerId(),
                command.mediaType(), command.sizeBytes(), command.sha256(), command.uploadedAt()));
        if (command.attachment() != null) {
            apply(new DocumentAttachedEvent(command.documentId(), command.ownerAccountId(), command.ownerWorkerId(),
                    command.attachment(), command.mediaType(), command.sizeBytes(), command.sha256(),
                    command.uploadedAt()));
        }
    }

    @CommandHandler
    void handle(AttachDocumentCommand command) {
        if (!ownerAccountId.equals(command.callerAccountId())) {
            throw new NotFoundException("No such document.");
        }
        if (attachments.contains(command.attachment())) {
            return;
        }
        apply(new DocumentAttachedEvent(documentId, ownerAccountId, ownerWorkerId, command.attachment(), mediaType,
                sizeBytes, sha256, command.attachedAt()));
    }

    @EventSourcingHandler
    void on(DocumentUploadedEvent event) {
        documentId = event.documentId();
        ownerAccountId = event.ownerAccountId();
        ownerWorkerId = event.ownerWorkerId();
        mediaType = event.mediaType();
        sizeBytes = event.sizeBytes();
        sha256 = event.sha256();
    }

    @EventSourcingHandler
    void on(DocumentAttachedEvent event) {
        attachments.add(event.attachment());
    }
}
