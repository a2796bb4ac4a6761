package ru.frmr.employer.consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.employer.query.LinkRequestAttachmentView;
import ru.frmr.employer.query.LinkRequestAttachments;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;

class LinkRequestAttachmentHandlerTest {

    private static final String DOCUMENT = "0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f";
    private static final Instant AT = Instant.parse("2026-02-02T09:00:00Z");
    private static final String SHA = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private final LinkRequestAttachments attachments = mock(LinkRequestAttachments.class);
    private final LinkRequestAttachmentHandler handler = new LinkRequestAttachmentHandler(attachments);

    @Test
    void aLinkRequestAttachmentIsOfferedToTheRequestsAttachments() {
        when(attachments.attach(any())).thenReturn(false);

        handler.handle(received(attached(DocumentPurpose.LINK_REQUEST, "org-a", SHA)));

        verify(attachments).attach(new LinkRequestAttachmentView(DOCUMENT + "@lr-1", "lr-1", "org-a", "w-1", DOCUMENT,
                "application/pdf", 52_113, SHA, AT));
    }

    @Test
    void aProfileChangeAttachmentIsNotTheEmployersBusiness() {
        handler.handle(received(attached(DocumentPurpose.PROFILE_CHANGE, null, SHA)));

        verify(attachments, never()).attach(any());
    }

    @Test
    void aLinkRequestAttachmentWithoutAnOrganisationOrWithABadDigestIsPoison() {
        assertThatThrownBy(() -> handler.handle(received(attached(DocumentPurpose.LINK_REQUEST, null, SHA))))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> handler.handle(received(attached(DocumentPurpose.LINK_REQUEST, "org-a",
                SHA.toUpperCase())))).isInstanceOf(PoisonEventException.class);
        verify(attachments, never()).attach(any());
    }

    private static DocumentAttached attached(DocumentPurpose purpose, String organizationId, String sha) {
        return new DocumentAttached(DOCUMENT, "a-1", "w-1", purpose, "lr-1", organizationId, "application/pdf",
                52_113, sha, AT);
    }

    private static ReceivedEvent received(DocumentAttached event) {
        return new ReceivedEvent("e-1", EventTypes.DOCUMENT_ATTACHED, EventSources.DOCUMENTS, event.documentId(),
                null, null, null, null, ContractJson.toBytes(event), Topics.DOCUMENTS_EVENTS, 0, 0);
    }
}
