package ru.frmr.employer.consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.employer.query.LinkRequestAttachmentView;
import ru.frmr.employer.query.LinkRequestAttachments;
import ru.frmr.kit.consumer.DocumentAttachmentHandler;

/**
 * Shows the contract a worker attaches to their link request to the organisation's HR (and to the worker in their
 * own list). An attachment naming a request of another organisation or another worker is dropped with a warning that
 * names the event and the request, never the people. The documents topic is not ordered against this service's own
 * events, so one that arrives before its request is kept and shown once the request appears (if it belongs there).
 */
@Component
class LinkRequestAttachmentHandler extends DocumentAttachmentHandler {

    private static final Logger log = LoggerFactory.getLogger(LinkRequestAttachmentHandler.class);

    private final LinkRequestAttachments attachments;

    LinkRequestAttachmentHandler(LinkRequestAttachments attachments) {
        super("link-request-attachments", DocumentPurpose.LINK_REQUEST);
        this.attachments = attachments;
    }

    @Override
    protected void attach(DocumentAttached attached, String eventId) {
        boolean kept = attachments.attach(new LinkRequestAttachmentView(viewId(attached), attached.targetId(),
                attached.organizationId(), attached.ownerWorkerId(), attached.documentId(), attached.mediaType(),
                attached.sizeBytes(), attached.sha256(), attached.attachedAt()));
        if (!kept) {
            log.warn("DocumentAttached {} names link request {} of another organisation or worker: ignored",
                    eventId, attached.targetId());
        }
    }
}
