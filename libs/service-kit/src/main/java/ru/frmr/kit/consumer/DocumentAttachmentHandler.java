package ru.frmr.kit.consumer;

import java.util.Collection;
import java.util.List;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;

/**
 * A consumer of the scans documents-service reports attached for one purpose (a profile change, a link request, a
 * support request): the service that owns the target shows them. The owner's view is keyed by document and target,
 * so a re-delivered event rewrites the same entry and the kit need not remember event ids.
 */
public abstract class DocumentAttachmentHandler implements IntegrationEventHandler {

    private final String consumerName;
    private final DocumentPurpose purpose;

    protected DocumentAttachmentHandler(String consumerName, DocumentPurpose purpose) {
        this.consumerName = consumerName;
        this.purpose = purpose;
    }

    /** The attachment, of this handler's purpose; {@code eventId} to name it in a warning. */
    protected abstract void attach(DocumentAttached attached, String eventId);

    /** The view's key: one entry per document and target. */
    protected static String viewId(DocumentAttached attached) {
        return attached.documentId() + "@" + attached.targetId();
    }

    @Override
    public final String consumerName() {
        return consumerName;
    }

    @Override
    public final Collection<String> topics() {
        return List.of(Topics.DOCUMENTS_EVENTS);
    }

    @Override
    public final boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public final void handle(ReceivedEvent event) {
        if (!EventTypes.DOCUMENT_ATTACHED.equals(event.type())) {
            return;
        }
        DocumentAttached attached = event.payload(DocumentAttached.class);
        if (attached.purpose() == purpose) {
            attach(attached, event.id());
        }
    }
}
