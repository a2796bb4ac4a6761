package ru.frmr.notification.support.consumer;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.kit.consumer.DocumentAttachmentHandler;
import ru.frmr.notification.support.query.SupportAttachmentView;
import ru.frmr.notification.support.query.SupportRequests;

/**
 * Lists the documents a requester attaches to their request in documents-service. Every SUPPORT_REQUEST attachment
 * is kept (the documents topic is not ordered against this service's events: one may arrive before its request); the
 * request shows only those whose owner is its requester.
 */
@Component
class SupportAttachmentHandler extends DocumentAttachmentHandler {

    private final SupportRequests requests;

    SupportAttachmentHandler(SupportRequests requests) {
        super("support-request-attachments", DocumentPurpose.SUPPORT_REQUEST);
        this.requests = requests;
    }

    @Override
    protected void attach(DocumentAttached attached, String eventId) {
        requests.attach(new SupportAttachmentView(viewId(attached), attached.targetId(), attached.ownerAccountId(),
                attached.documentId(), attached.mediaType(), attached.sizeBytes(), attached.attachedAt()));
    }
}
