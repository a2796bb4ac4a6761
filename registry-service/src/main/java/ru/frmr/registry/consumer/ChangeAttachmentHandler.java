package ru.frmr.registry.consumer;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.kit.consumer.DocumentAttachmentHandler;
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
class ChangeAttachmentHandler extends DocumentAttachmentHandler {

    private static final Logger log = LoggerFactory.getLogger(ChangeAttachmentHandler.class);

    private final ChangeAttachments attachments;
    private final ProfileChangeQueries changes;

    ChangeAttachmentHandler(ChangeAttachments attachments, ProfileChangeQueries changes) {
        super("change-attachments", DocumentPurpose.PROFILE_CHANGE);
        this.attachments = attachments;
        this.changes = changes;
    }

    @Override
    protected void attach(DocumentAttached attached, String eventId) {
        Optional<ProfileChangeView> change = changes.byId(attached.targetId());
        if (change.isPresent() && !change.get().workerId().equals(attached.ownerWorkerId())) {
            log.warn("DocumentAttached {} names change {} of another worker: ignored", eventId, attached.targetId());
            return;
        }
        attachments.attach(new ChangeAttachmentView(viewId(attached), attached.targetId(), attached.ownerWorkerId(),
                attached.documentId(), attached.mediaType(), attached.sizeBytes(), attached.sha256(),
                attached.attachedAt()));
    }
}
