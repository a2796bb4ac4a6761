package ru.frmr.employer.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.employer.query.LinkRequestAttachmentView;
import ru.frmr.employer.query.LinkRequestAttachments;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
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

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_:-]{1,128}$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    /** documents-service's upload limit: 5 MiB. */
    private static final long MAX_SIZE = 5L * 1024 * 1024;

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
        DocumentAttached attached = read(event);
        if (attached.purpose() != DocumentPurpose.LINK_REQUEST) {
            return;
        }
        if (!matches(ID, attached.organizationId())) {
            throw new PoisonEventException(event.type() + " " + event.id() + " names no organisation");
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

    private static DocumentAttached read(ReceivedEvent event) {
        DocumentAttached attached;
        try {
            attached = ContractJson.fromBytes(event.data(), DocumentAttached.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
        boolean valid = attached.purpose() != null && matches(ID, attached.documentId())
                && matches(ID, attached.ownerWorkerId()) && matches(ID, attached.targetId())
                && MEDIA_TYPES.contains(attached.mediaType()) && attached.sizeBytes() > 0
                && attached.sizeBytes() <= MAX_SIZE && matches(SHA256, attached.sha256())
                && attached.attachedAt() != null;
        if (!valid) {
            throw new PoisonEventException(event.type() + " " + event.id() + " is not a valid attachment");
        }
        return attached;
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
