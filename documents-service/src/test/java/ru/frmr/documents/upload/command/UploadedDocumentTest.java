package ru.frmr.documents.upload.command;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.documents.upload.api.AttachDocumentCommand;
import ru.frmr.documents.upload.api.Attachment;
import ru.frmr.documents.upload.api.DocumentAttachedEvent;
import ru.frmr.documents.upload.api.DocumentUploadedEvent;
import ru.frmr.documents.upload.api.RecordUploadCommand;
import ru.frmr.kit.error.NotFoundException;

class UploadedDocumentTest {

    private static final String ID = "0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant AT = Instant.parse("2026-03-02T07:00:00Z");
    private static final Attachment CHANGE = new Attachment(DocumentPurpose.PROFILE_CHANGE, "ch-1", null);
    private static final Attachment LINK = new Attachment(DocumentPurpose.LINK_REQUEST, "lr-1", "org-5");
    private static final DocumentUploadedEvent UPLOADED = new DocumentUploadedEvent(ID, "acc-1", "w-1", "image/jpeg",
            1000, SHA, AT);

    private AggregateTestFixture<UploadedDocument> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UploadedDocument.class);
    }

    @Test
    void anUploadWithoutPurposeIsRecordedAlone() {
        fixture.givenNoPriorActivity()
                .when(new RecordUploadCommand(ID, "acc-1", "w-1", "image/jpeg", 1000, SHA, AT, null))
                .expectEvents(UPLOADED);
    }

    @Test
    void anUploadWithAPurposeIsAttachedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new RecordUploadCommand(ID, "acc-1", "w-1", "image/jpeg", 1000, SHA, AT, CHANGE))
                .expectEvents(UPLOADED, new DocumentAttachedEvent(ID, "acc-1", "w-1", CHANGE, "image/jpeg", 1000,
                        SHA, AT));
    }

    @Test
    void theOwnerAttachesLaterAndAgainIsOnce() {
        Instant later = AT.plusSeconds(60);
        fixture.given(UPLOADED)
                .when(new AttachDocumentCommand(ID, "acc-1", LINK, later))
                .expectEvents(new DocumentAttachedEvent(ID, "acc-1", "w-1", LINK, "image/jpeg", 1000, SHA, later));
        fixture.given(UPLOADED, new DocumentAttachedEvent(ID, "acc-1", "w-1", LINK, "image/jpeg", 1000, SHA, later))
                .when(new AttachDocumentCommand(ID, "acc-1", LINK, later.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anyoneElseIsToldItDoesNotExist() {
        fixture.given(UPLOADED)
                .when(new AttachDocumentCommand(ID, "acc-2", LINK, AT))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }
}
