package ru.frmr.documents.certificate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.CertificateStatus;
import ru.frmr.documents.certificate.issue.Sha256;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.documents.certificate.query.CertificateView;
import ru.frmr.documents.certificate.query.CertificateViews;
import ru.frmr.documents.pdf.SignatureCheck;
import ru.frmr.documents.pdf.SignatureVerifier;
import ru.frmr.kit.web.Problems;

/** Which posted PDFs the public check parses at all (unit test: the read model and the verifier are mocks). */
class VerificationControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private final CertificateViews views = mock(CertificateViews.class);
    private final PersonFacts facts = mock(PersonFacts.class);
    private final SignatureVerifier verifier = mock(SignatureVerifier.class);
    private final VerificationController controller = new VerificationController(views, facts, verifier,
            mock(Problems.class), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPdfThatIsNoIssuedSpravkaIsAnsweredWithoutBeingParsed() throws Exception {
        byte[] stranger = "%PDF-1.7 not one of ours".getBytes(StandardCharsets.US_ASCII);
        when(views.bySha256(Sha256.hex(stranger))).thenReturn(Optional.empty());

        VerificationController.PdfCheck check = controller.pdf(new ByteArrayInputStream(stranger));

        assertThat(check.issuedByPlatform()).isFalse();
        assertThat(check.unaltered()).isFalse();
        assertThat(check.number()).isNull();
        assertThat(check.signature().valid()).isFalse();
        verify(verifier, never()).verify(any());
    }

    @Test
    void anIssuedSpravkaIsGenuineOnlyWhenItsSignatureHolds() throws Exception {
        byte[] issued = "%PDF-1.7 issued".getBytes(StandardCharsets.US_ASCII);
        String sha256 = Sha256.hex(issued);
        when(views.bySha256(sha256)).thenReturn(Optional.of(new CertificateView("r-1", "w-1", "a-1",
                CertificateType.REGISTER_EXTRACT, "по месту требования", CertificateDelivery.DOWNLOAD, null,
                CertificateStatus.READY, NOW, NOW, "7KQ2M9TXB4HD1R8W", sha256, LocalDate.of(2026, 12, 25), null,
                null, null, null, null)));
        when(facts.maskedName("w-1")).thenReturn(Optional.of("Иванова М. П."));
        when(verifier.verify(issued)).thenReturn(new SignatureCheck(true, true, true, "CN=ФРМР", NOW, "ECDSA"));

        VerificationController.PdfCheck genuine = controller.pdf(new ByteArrayInputStream(issued));

        assertThat(genuine.issuedByPlatform()).isTrue();
        assertThat(genuine.number()).isEqualTo("7KQ2-M9TX-B4HD-1R8W");
        assertThat(genuine.status()).isEqualTo("VALID");

        when(verifier.verify(issued)).thenReturn(new SignatureCheck(true, false, true, null, null, "ECDSA"));
        assertThat(controller.pdf(new ByteArrayInputStream(issued)).issuedByPlatform()).isFalse();
    }
}
