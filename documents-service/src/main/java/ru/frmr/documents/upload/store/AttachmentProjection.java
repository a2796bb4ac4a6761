package ru.frmr.documents.upload.store;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import ru.frmr.documents.upload.api.DocumentAttachedEvent;

/**
 * The stored document's attachments (who may read it) follow the aggregate's events. The upload service writes
 * them at once as well, so that a reader allowed by an attachment is allowed the moment it is answered; this
 * handler makes that write certain: a crash between the event and that write no longer leaves the decider (whose
 * service shows the attachment from the same event) with a 404. Adding is idempotent.
 */
@Component
@ProcessingGroup(AttachmentProjection.GROUP)
public class AttachmentProjection {

    public static final String GROUP = "upload-attachments";

    private final DocumentStore store;

    AttachmentProjection(DocumentStore store) {
        this.store = store;
    }

    @EventHandler
    void on(DocumentAttachedEvent event) {
        store.attach(event.documentId(), new StoredDocument.AttachmentRecord(event.attachment().purpose().name(),
                event.attachment().targetId(), event.attachment().organizationId()));
    }
}
