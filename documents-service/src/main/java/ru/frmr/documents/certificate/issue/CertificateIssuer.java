package ru.frmr.documents.certificate.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.documents.certificate.CertificateProperties;
import ru.frmr.documents.certificate.api.CertificateRequestedEvent;
import ru.frmr.documents.certificate.api.IssueCertificateCommand;
import ru.frmr.documents.certificate.api.RefuseCertificateCommand;
import ru.frmr.documents.certificate.api.StartIssuingCommand;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.documents.pdf.CertificateContent;
import ru.frmr.documents.pdf.CertificateRenderer;
import ru.frmr.documents.pdf.DocumentSigner;

/**
 * Issues each requested справка: takes it into work under a fresh number, writes its content from the person read
 * model, renders, signs and stores the PDF, then records it issued with the PDF's SHA-256; or refuses it when there
 * is nothing to certify or its PDF cannot be made. Any other failure (storage, commands) stops the processor, which
 * retries the event (StartIssuing answers the number drawn before, the file of that number is replaced, Issue is
 * idempotent); a request already issued or refused is left alone, so a replay never re-signs a справка someone
 * holds.
 */
@Component
@ProcessingGroup(CertificateIssuer.GROUP)
class CertificateIssuer {

    static final String GROUP = "certificate-issuer";
    /** Issue dates and validity are Moscow dates, as the register's are. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final String NOT_RENDERED = "Справку не удалось сформировать из-за технической ошибки. Запросите её "
            + "ещё раз; если ошибка повторится, обратитесь в службу поддержки.";
    private static final Logger log = LoggerFactory.getLogger(CertificateIssuer.class);

    private final CommandGateway commands;
    private final CertificateNumbers numbers;
    private final PersonFacts facts;
    private final CertificateContentFactory contents;
    private final CertificateRenderer renderer;
    private final DocumentSigner signer;
    private final CertificateFiles files;
    private final CertificateProperties properties;
    private final Clock clock;
    private final Timer requestToReady;

    CertificateIssuer(CommandGateway commands, CertificateNumbers numbers, PersonFacts facts,
                      CertificateContentFactory contents, CertificateRenderer renderer, DocumentSigner signer,
                      CertificateFiles files, CertificateProperties properties, Clock clock, MeterRegistry meters) {
        this.commands = commands;
        this.numbers = numbers;
        this.facts = facts;
        this.contents = contents;
        this.renderer = renderer;
        this.signer = signer;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
        // The issue's promise: ready within 2 s of the request (p95); watched in production, not only benchmarked.
        // Buckets too, for a p95 over every replica (histogram_quantile) and the share ready within a minute.
        this.requestToReady = Timer.builder("frmr.documents.certificates.request_to_ready")
                .publishPercentiles(0.5, 0.95)
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1))
                .register(meters);
    }

    @EventHandler
    @DisallowReplay
    void on(CertificateRequestedEvent event) {
        Optional<String> held = commands.sendAndWait(new StartIssuingCommand(event.requestId(),
                numbers.reserve(event.requestId()), clock.instant()));
        if (held.isEmpty()) {
            return;
        }
        String number = held.get();
        Instant now = clock.instant();
        LocalDate issueDate = LocalDate.ofInstant(now, MOSCOW);
        LocalDate validUntil = issueDate.plusDays(properties.validFor().toDays());
        IssueDraft draft = contents.draft(facts.snapshot(event.workerId()), event.type(), number, event.purpose(),
                issueDate, validUntil, properties.verificationUrl(CertificateContentFactory.grouped(number)));
        if (draft.refusal().isPresent()) {
            commands.sendAndWait(new RefuseCertificateCommand(event.requestId(), draft.refusal().get(), now));
            log.info("Справка request {} refused: nothing to certify", event.requestId());
            return;
        }
        CertificateContent content = draft.content().orElseThrow();
        byte[] signed;
        try {
            signed = signer.sign(renderer.render(content), now);
        } catch (RuntimeException e) {
            // Rendering and signing read nothing outside the process: what fails once fails on every retry, and a
            // retried event would keep this request IN_WORK and stall every request behind it in its segment. The
            // worker is told and may ask again; the cause's message may quote the content, so only its class is
            // logged.
            commands.sendAndWait(new RefuseCertificateCommand(event.requestId(), NOT_RENDERED, now));
            log.error("Справка request {} refused: the PDF could not be rendered or signed ({})", event.requestId(),
                    e.getClass().getName());
            return;
        }
        files.store(number, event.workerId(), signed);
        commands.sendAndWait(new IssueCertificateCommand(event.requestId(), number, Sha256.hex(signed), now,
                validUntil));
        requestToReady.record(Duration.between(event.requestedAt(), clock.instant()));
        log.info("Справка request {} issued", event.requestId());
    }
}
