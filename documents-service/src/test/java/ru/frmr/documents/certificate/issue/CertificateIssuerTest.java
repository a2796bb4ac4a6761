package ru.frmr.documents.certificate.issue;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.CertificateProperties;
import ru.frmr.documents.certificate.api.CertificateRequestedEvent;
import ru.frmr.documents.certificate.api.IssueCertificateCommand;
import ru.frmr.documents.certificate.api.RefuseCertificateCommand;
import ru.frmr.documents.certificate.api.StartIssuingCommand;
import ru.frmr.documents.certificate.person.KnownEmployment;
import ru.frmr.documents.certificate.person.KnownEntry;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.documents.certificate.person.PersonSnapshot;
import ru.frmr.documents.pdf.CertificateRenderer;
import ru.frmr.documents.pdf.DocumentSigner;

/** What the issuer does when the PDF cannot be made (unit test: the collaborators are mocks). */
class CertificateIssuerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final String REQUEST = "4f1c2a9e-0b7d-4c55-9a3e-1f2d3c4b5a69";
    private static final String NUMBER = "7KQ2M9TXB4HD1R8W";

    private final CommandGateway commands = mock(CommandGateway.class);
    private final CertificateNumbers numbers = mock(CertificateNumbers.class);
    private final PersonFacts facts = mock(PersonFacts.class);
    private final CertificateRenderer renderer = mock(CertificateRenderer.class);
    private final DocumentSigner signer = mock(DocumentSigner.class);
    private final CertificateFiles files = mock(CertificateFiles.class);
    private final CertificateIssuer issuer = new CertificateIssuer(commands, numbers, facts,
            new CertificateContentFactory(new CertificateDictionaries()), renderer, signer, files,
            new CertificateProperties(URI.create("https://frmr.example"), Duration.ofDays(30), null),
            Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry());

    private final CertificateRequestedEvent requested = new CertificateRequestedEvent(REQUEST, "w-1", "a-1",
            CertificateType.EMPLOYMENT_HISTORY, "по месту требования", CertificateDelivery.DOWNLOAD, null, NOW);

    private void inWork() {
        when(numbers.reserve(REQUEST)).thenReturn(NUMBER);
        when(commands.sendAndWait(any(StartIssuingCommand.class))).thenReturn(Optional.of(NUMBER));
        when(facts.snapshot("w-1")).thenReturn(new PersonSnapshot("w-1", Optional.of("Иванова"),
                Optional.of("Мария"), Optional.of("Петровна"), Optional.empty(), false,
                List.of(new KnownEmployment("emp-1", "w-1", "org-5", "ГБУЗ «Городская клиническая больница № 1»",
                        null, "THERAPIST", "1.0", "MAIN", LocalDate.of(2020, 3, 1), null, 1)),
                List.<KnownEntry>of()));
    }

    @Test
    void aPdfThatCannotBeRenderedRefusesTheRequestInsteadOfHoldingItInWork() {
        inWork();
        when(renderer.render(any())).thenThrow(new IllegalStateException("No glyph for U+1F600 in Иванова"));

        issuer.on(requested);

        verify(commands).sendAndWait(new RefuseCertificateCommand(REQUEST, CertificateIssuer.NOT_RENDERED, NOW));
        verify(commands, never()).sendAndWait(any(IssueCertificateCommand.class));
        verify(files, never()).store(anyString(), anyString(), any());
    }

    @Test
    void aPdfThatCannotBeSignedRefusesTheRequest() {
        inWork();
        when(renderer.render(any())).thenReturn(new byte[] {1, 2, 3});
        when(signer.sign(any(), any())).thenThrow(new IllegalArgumentException("unsigned"));

        issuer.on(requested);

        verify(commands).sendAndWait(new RefuseCertificateCommand(REQUEST, CertificateIssuer.NOT_RENDERED, NOW));
        verify(commands, never()).sendAndWait(any(IssueCertificateCommand.class));
    }

    @Test
    void aSignedPdfIsStoredAndIssued() {
        inWork();
        byte[] signed = {9, 8, 7};
        when(renderer.render(any())).thenReturn(new byte[] {1, 2, 3});
        when(signer.sign(any(), any())).thenReturn(signed);

        issuer.on(requested);

        verify(files).store(NUMBER, "w-1", signed);
        verify(commands).sendAndWait(any(IssueCertificateCommand.class));
        verify(commands, never()).sendAndWait(any(RefuseCertificateCommand.class));
    }
}
