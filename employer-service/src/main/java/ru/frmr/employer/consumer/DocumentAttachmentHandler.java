package ru.frmr.employer.consumer;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.employer.query.LinkRequestAttachmentView;
import ru.frmr.employer.query.LinkRequestAttachments;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Shows the contract a worker attaches to their link request to the organisation's HR (and to the worker in their
 * own list). An attachment naming a request of another organisation or another worker is dropped with a warning that
 * names the event and the request, never the people. The documents topic is not ordered against this service's own
 * events, so one that arrives before its request is kept and shown once the request appears (if it belongs there).
 */
@Component
class DocumentAttachmentHandler implements IntegrationEventHandler {

    private static final Logger log = LoggerFactory.getLogger(DocumentAttachmentHandler.class);

    private final LinkRequestAttachments attachments;

    DocumentAttachmentHandler(LinkRequestAttachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public String consumerName() {
        return "link-request-attachments";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.DOCUMENTS_EVENTS);
    }

    /** The write is keyed by document and request, so a re-delivered event rewrites the same entry. */
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
        if (attached.purpose() != DocumentPurpose.LINK_REQUEST) {
            return;
        }
        boolean kept = attachments.attach(new LinkRequestAttachmentView(
                attached.documentId() + "@" + attached.targetId(), attached.targetId(), attached.organizationId(),
                attached.ownerWorkerId(), attached.documentId(), attached.mediaType(), attached.sizeBytes(),
                attached.sha256(), attached.attachedAt()));
        if (!kept) {
            log.warn("DocumentAttached {} names link request {} of another organisation or worker: ignored",
                    event.id(), attached.targetId());
        }
    }
}
