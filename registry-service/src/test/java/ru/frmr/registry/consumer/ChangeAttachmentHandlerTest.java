package ru.frmr.registry.consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.ChangeAttachmentView;
import ru.frmr.registry.query.ChangeAttachments;
import ru.frmr.registry.query.ChangeStatus;
import ru.frmr.registry.query.ProfileChangeQueries;
import ru.frmr.registry.query.ProfileChangeView;

class ChangeAttachmentHandlerTest {

    private static final String DOCUMENT = "0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f";
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final ChangeAttachments attachments = mock(ChangeAttachments.class);
    private final ProfileChangeQueries changes = mock(ProfileChangeQueries.class);
    private final ChangeAttachmentHandler handler = new ChangeAttachmentHandler(attachments, changes);

    @Test
    void anAttachmentToTheWorkersOwnChangeIsKept() {
        when(changes.byId("c-1")).thenReturn(Optional.of(change("w-1")));

        handler.handle(received(attached(DocumentPurpose.PROFILE_CHANGE, "w-1", "image/png", 10, SHA)));

        verify(attachments).attach(new ChangeAttachmentView(DOCUMENT + "@c-1", "c-1", "w-1", DOCUMENT, "image/png", 10,
                SHA, AT));
    }

    @Test
    void anAttachmentToAnotherWorkersChangeOrToALinkRequestIsNotKept() {
        when(changes.byId("c-1")).thenReturn(Optional.of(change("w-2")));

        handler.handle(received(attached(DocumentPurpose.PROFILE_CHANGE, "w-1", "image/png", 10, SHA)));
        handler.handle(received(attached(DocumentPurpose.LINK_REQUEST, "w-1", "image/png", 10, SHA)));

        verify(attachments, never()).attach(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"type", "size0", "sizeOver", "sha"})
    void anInvalidAttachmentIsPoison(String broken) {
        DocumentAttached event = switch (broken) {
            case "type" -> attached(DocumentPurpose.PROFILE_CHANGE, "w-1", "text/html", 10, SHA);
            case "size0" -> attached(DocumentPurpose.PROFILE_CHANGE, "w-1", "image/png", 0, SHA);
            case "sizeOver" -> attached(DocumentPurpose.PROFILE_CHANGE, "w-1", "image/png", 5_242_881, SHA);
            default -> attached(DocumentPurpose.PROFILE_CHANGE, "w-1", "image/png", 10, "abc");
        };

        assertThatThrownBy(() -> handler.handle(received(event))).isInstanceOf(PoisonEventException.class);
        verify(attachments, never()).attach(any());
    }

    @Test
    void unreadableDataIsPoison() {
        ReceivedEvent event = new ReceivedEvent("e-1", EventTypes.DOCUMENT_ATTACHED, EventSources.DOCUMENTS, DOCUMENT,
                null, null, null, null, "{not json".getBytes(StandardCharsets.UTF_8), Topics.DOCUMENTS_EVENTS, 0, 0);

        assertThatThrownBy(() -> handler.handle(event)).isInstanceOf(PoisonEventException.class);
    }

    private static DocumentAttached attached(DocumentPurpose purpose, String owner, String mediaType, long size,
                                             String sha) {
        return new DocumentAttached(DOCUMENT, "a-1", owner, purpose, "c-1",
                purpose == DocumentPurpose.LINK_REQUEST ? "org-1" : null, mediaType, size, sha, AT);
    }

    private static ReceivedEvent received(DocumentAttached event) {
        return new ReceivedEvent("e-1", EventTypes.DOCUMENT_ATTACHED, EventSources.DOCUMENTS, event.documentId(),
                null, null, null, null, ContractJson.toBytes(event), Topics.DOCUMENTS_EVENTS, 0, 0);
    }

    private static ProfileChangeView change(String workerId) {
        return new ProfileChangeView("c-1", workerId, ChangeKind.ADD, RecordSection.CERTIFICATES, "e-1", null,
                ChangeStatus.PENDING, "account:a-1", AT, null, null, null);
    }
}
