package ru.frmr.notification.support.consumer;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.notification.support.query.SupportAttachmentView;
import ru.frmr.notification.support.query.SupportRequests;

/**
 * Lists the documents a requester attaches to their request in documents-service. Every SUPPORT_REQUEST attachment
 * is kept (the documents topic is not ordered against this service's events: one may arrive before its request); the
 * request shows only those whose owner is its requester.
 */
@Component
class SupportAttachmentHandler implements IntegrationEventHandler {

    private final SupportRequests requests;

    SupportAttachmentHandler(SupportRequests requests) {
        this.requests = requests;
    }

    @Override
    public String consumerName() {
        return "support-request-attachments";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.DOCUMENTS_EVENTS);
    }

    /** The write is keyed by document and request, so a re-delivered event writes nothing new. */
    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!EventTypes.DOCUMENT_ATTACHED.equals(event.type())) {
            return;
        }
        DocumentAttached attached = event.payload(DocumentAttached.class);
        if (attached.purpose() != DocumentPurpose.SUPPORT_REQUEST) {
            return;
        }
        requests.attach(new SupportAttachmentView(attached.documentId() + "@" + attached.targetId(),
                attached.targetId(), attached.ownerAccountId(), attached.documentId(), attached.mediaType(),
                attached.sizeBytes(), attached.attachedAt()));
    }
}
