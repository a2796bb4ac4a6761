package ru.frmr.documents.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.contracts.documents.DocumentUploaded;
import ru.frmr.documents.upload.api.Attachment;
import ru.frmr.documents.upload.api.DocumentAttachedEvent;
import ru.frmr.documents.upload.api.DocumentUploadedEvent;

/** Producer side of the uploads' contracts: what the relay publishes conforms to the schemas and stays internal. */
class UploadEventsContractTest {

    private static final DocumentsEventMapper MAPPER = new DocumentsEventMapper();
    private static final String ID = "0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant AT = Instant.parse("2026-03-02T07:00:00Z");

    private static IntegrationEvent mapped(Object domainEvent) {
        IntegrationEvent event = MAPPER.map(domainEvent, AT).orElseThrow();
        assertThat(ContractSchemas.violations(event)).as(event.getClass().getSimpleName()).isEmpty();
        assertThat(EventCatalog.of(event.getClass()).publicContract()).isFalse();
        assertThat(EventCatalog.of(event.getClass()).topic()).isEqualTo(Topics.DOCUMENTS_EVENTS);
        return event;
    }

    @Test
    void anUploadCarriesIdsTypeSizeAndDigest() {
        assertThat(mapped(new DocumentUploadedEvent(ID, "acc-1", "w-1", "application/pdf", 5_242_880, SHA, AT)))
                .isEqualTo(new DocumentUploaded(ID, "acc-1", "w-1", "application/pdf", 5_242_880, SHA, AT));
    }

    @Test
    void attachmentsForBothPurposesConform() {
        assertThat(mapped(new DocumentAttachedEvent(ID, "acc-1", "w-1",
                new Attachment(DocumentPurpose.PROFILE_CHANGE, "ch-1", null), "image/png", 10, SHA, AT)))
                .isEqualTo(new DocumentAttached(ID, "acc-1", "w-1", DocumentPurpose.PROFILE_CHANGE, "ch-1", null,
                        "image/png", 10, SHA, AT));
        IntegrationEvent link = mapped(new DocumentAttachedEvent(ID, "acc-1", "w-1",
                new Attachment(DocumentPurpose.LINK_REQUEST, "lr-1", "org-5"), "application/pdf", 10, SHA, AT));
        assertThat(((DocumentAttached) link).organizationId()).isEqualTo("org-5");
    }

    @Test
    void theSchemaRefusesALinkRequestWithoutItsOrganisationAndAForeignType() {
        assertThat(ContractSchemas.violations(new DocumentAttached(ID, "acc-1", "w-1", DocumentPurpose.LINK_REQUEST,
                "lr-1", null, "application/pdf", 10, SHA, AT))).isNotEmpty();
        assertThat(ContractSchemas.violations(new DocumentUploaded(ID, "acc-1", "w-1", "text/html", 10, SHA, AT)))
                .isNotEmpty();
        assertThat(new String(ContractJson.toBytes(new DocumentUploaded(ID, "acc-1", "w-1", "image/png", 10, SHA,
                AT)), StandardCharsets.UTF_8)).doesNotContain("fileName");
    }
}
