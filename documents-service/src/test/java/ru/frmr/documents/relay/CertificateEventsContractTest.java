package ru.frmr.documents.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.documents.CertificateDelivered;
import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.CertificateDeliveredEvent;
import ru.frmr.documents.certificate.api.CertificateIssuedEvent;
import ru.frmr.documents.certificate.api.CertificateIssuingStartedEvent;
import ru.frmr.documents.certificate.api.CertificateRefusedEvent;
import ru.frmr.documents.certificate.api.CertificateRequestedEvent;
import ru.frmr.documents.certificate.api.DeliveryChannel;

/** Producer side: what the relay publishes about справки conforms to the contracts' JSON Schemas. */
class CertificateEventsContractTest {

    private static final String ID = "2f6e4c1a-9b7d-4e3f-8a21-5c0d9e8f7a6b";
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");
    private final DocumentsEventMapper mapper = new DocumentsEventMapper();

    @Test
    void everyPublishedCertificateEventConformsToItsSchema() {
        List<Object> domainEvents = List.of(
                new CertificateRequestedEvent(ID, "w-1", "a-1", CertificateType.QUALIFICATION, "по месту требования",
                        CertificateDelivery.POST, "pd1:1:c2VhbGVk", AT),
                new CertificateIssuedEvent(ID, "w-1", "a-1", CertificateType.QUALIFICATION, CertificateDelivery.POST,
                        "7KQ2M9TXB4HD1R8W", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", AT,
                        LocalDate.of(2026, 12, 25)),
                new CertificateDeliveredEvent(ID, "w-1", "7KQ2M9TXB4HD1R8W", DeliveryChannel.POSTED, "RA123456789RU",
                        AT),
                new CertificateDeliveredEvent(ID, "w-1", "7KQ2M9TXB4HD1R8W", DeliveryChannel.EMAILED, null, AT),
                new CertificateRefusedEvent(ID, "w-1", CertificateType.QUALIFICATION, "Справку выдать не о чем.",
                        AT));
        for (Object domainEvent : domainEvents) {
            IntegrationEvent published = mapper.map(domainEvent, AT).orElseThrow();
            assertThat(ContractSchemas.violations(published)).as(published.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void theChannelIsTheDeliveryItCompletesAndNeitherPurposeNorAddressLeaves() {
        CertificateDelivered delivered = (CertificateDelivered) mapper.map(new CertificateDeliveredEvent(ID, "w-1",
                "7KQ2M9TXB4HD1R8W", DeliveryChannel.DOWNLOADED, null, AT), AT).orElseThrow();
        assertThat(delivered.channel()).isEqualTo(CertificateDelivery.DOWNLOAD);
        IntegrationEvent requested = mapper.map(new CertificateRequestedEvent(ID, "w-1", "a-1",
                CertificateType.QUALIFICATION, "для суда", CertificateDelivery.POST, "pd1:1:c2VhbGVk", AT), AT)
                .orElseThrow();
        assertThat(requested.toString()).doesNotContain("для суда").doesNotContain("pd1:");
    }

    @Test
    void takingARequestIntoWorkIsNotPublished() {
        assertThat(mapper.map(new CertificateIssuingStartedEvent(ID, "w-1", "7KQ2M9TXB4HD1R8W", AT), AT)).isEmpty();
    }
}
