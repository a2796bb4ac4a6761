package ru.frmr.registry.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.registry.query.ChangeAttachmentView;
import ru.frmr.registry.query.ChangeAttachments;
import ru.frmr.registry.query.ProfileChangeQueries;
import ru.frmr.registry.query.ProfileChangeView;

/**
 * Shows the scans a worker attaches to a submitted change to the administrator who moderates it (and to the worker
 * in their list of changes). Only the change's own worker may attach to it: an attachment naming another worker's
 * change is dropped with a warning that names the event and the change, never the people. The documents topic and
 * the registry's own events are not ordered against each other, so an attachment whose change the read model does
 * not hold yet is kept; {@link ChangeAttachments#of} shows it once the change appears, and only when that change is
 * the uploader's.
 */
@Component
class DocumentAttachmentHandler implements IntegrationEventHandler {

    private static final Logger log = LoggerFactory.getLogger(DocumentAttachmentHandler.class);

    private final ChangeAttachments attachments;
    private final ProfileChangeQueries changes;

    DocumentAttachmentHandler(ChangeAttachments attachments, ProfileChangeQueries changes) {
        this.attachments = attachments;
        this.changes = changes;
    }

    @Override
    public String consumerName() {
        return "change-attachments";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.DOCUMENTS_EVENTS);
    }

    /** The write is keyed by document and change, so a re-delivered event rewrites the same entry. */
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
        if (attached.purpose() != DocumentPurpose.PROFILE_CHANGE) {
            return;
        }
        Optional<ProfileChangeView> change = changes.byId(attached.targetId());
        if (change.isPresent() && !change.get().workerId().equals(attached.ownerWorkerId())) {
            log.warn("DocumentAttached {} names change {} of another worker: ignored", event.id(),
                    attached.targetId());
            return;
        }
        attachments.attach(new ChangeAttachmentView(attached.documentId() + "@" + attached.targetId(),
                attached.targetId(), attached.ownerWorkerId(), attached.documentId(), attached.mediaType(),
                attached.sizeBytes(), attached.sha256(), attached.attachedAt()));
    }
}
