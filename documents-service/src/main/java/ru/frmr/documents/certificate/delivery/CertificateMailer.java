package ru.frmr.documents.certificate.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import ru.frmr.documents.certificate.CertificateProperties;
import ru.frmr.documents.certificate.api.DeliveryChannel;
import ru.frmr.documents.certificate.api.RecordDeliveryCommand;
import ru.frmr.documents.certificate.issue.CertificateFiles;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;

/**
 * Sends the справки due by e-mail ({@link DeadlineSweeper}: one replica at a time under a ShedLock lock). A failed
 * send is tried again later, the pause doubling up to a ceiling; a sent mail is marked SENT before the request
 * records it, so a failure after the send records it on the next sweep without sending again. (Only a crash in
 * the instant between the server's acceptance and the SENT mark can send twice: SMTP offers no way to ask.)
 */
public class CertificateMailer implements DueItems<MailDelivery> {

    static final String LOCK_NAME = "certificate-mail-sweep";
    static final String MAIL = "frmr.documents.certificates.mail";
    private static final Logger log = LoggerFactory.getLogger(CertificateMailer.class);

    private final MailDeliveries deliveries;
    private final PersonFacts facts;
    private final CertificateFiles files;
    private final JavaMailSender mail;
    private final CommandGateway commands;
    private final CertificateProperties.Mail settings;
    private final MeterRegistry meters;
    private final DeadlineSweeper<MailDelivery> sweeper;

    CertificateMailer(MailDeliveries deliveries, PersonFacts facts, CertificateFiles files, JavaMailSender mail,
                      CommandGateway commands, CertificateProperties.Mail settings, Clock clock,
                      LockProvider lockProvider, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.facts = facts;
        this.files = files;
        this.mail = mail;
        this.commands = commands;
        this.settings = settings;
        this.meters = meters;
        // At 0 from startup, so that increase() has series before the first certificate is mailed.
        for (SendOutcome outcome : SendOutcome.values()) {
            meters.counter(MAIL, "outcome", outcome.name().toLowerCase(Locale.ROOT));
        }
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Справка e-mail {} not sent",
                "frmr.documents.certificates.mail_sweeps", clock, lockProvider, settings.lockAtMostFor(), meters);
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        sweeper.sweep();
    }

    @Override
    public List<MailDelivery> due(Instant now, Set<String> passOver, int batch) {
        return deliveries.due(now, passOver, batch);
    }

    @Override
    public String id(MailDelivery delivery) {
        return delivery.requestId();
    }

    @Override
    public boolean settle(MailDelivery delivery, Instant now) {
        if (delivery.state() == MailDelivery.State.PENDING) {
            SendOutcome outcome = send(delivery, now);
            if (outcome != SendOutcome.SENT) {
                return outcome == SendOutcome.ABANDONED;
            }
        }
        commands.sendAndWait(new RecordDeliveryCommand(delivery.requestId(), DeliveryChannel.EMAILED, null, now));
        deliveries.moveTo(delivery.requestId(), MailDelivery.State.RECORDED);
        log.info("Справка request {} e-mailed", delivery.requestId());
        return true;
    }

    private SendOutcome send(MailDelivery delivery, Instant now) {
        Optional<String> address = facts.email(delivery.workerId());
        Optional<byte[]> pdf = files.read(delivery.number());
        if (address.isEmpty() || pdf.isEmpty()) {
            deliveries.moveTo(delivery.requestId(), MailDelivery.State.ABANDONED);
            meters.counter(MAIL, "outcome", "abandoned").increment();
            log.warn("Справка e-mail {} abandoned: no address or file any more", delivery.requestId());
            return SendOutcome.ABANDONED;
        }
        try {
            mail.send(message(address.get(), delivery.number(), pdf.get()));
        } catch (MailException | MessagingException e) {
            int attempts = delivery.attempts() + 1;
            deliveries.retryAt(delivery.requestId(), attempts, now.plus(pause(attempts)));
            meters.counter(MAIL, "outcome", "retry").increment();
            log.warn("Справка e-mail {} not sent (attempt {}), retried later: {}", delivery.requestId(), attempts,
                    e.getClass().getName());
            return SendOutcome.RETRY;
        }
        deliveries.moveTo(delivery.requestId(), MailDelivery.State.SENT);
        meters.counter(MAIL, "outcome", "sent").increment();
        return SendOutcome.SENT;
    }

    Duration pause(int attempts) {
        Duration pause = settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : pause;
    }

    private MimeMessage message(String to, String number, byte[] pdf) throws MessagingException {
        String grouped = String.join("-", number.substring(0, 4), number.substring(4, 8), number.substring(8, 12),
                number.substring(12, 16));
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to);
        helper.setSubject("Справка ФРМР № " + grouped);
        helper.setText("""
                Здравствуйте!

                Во вложении — справка Федерального регистра медицинских работников № %s, которую вы запросили.
                Справка подписана электронной подписью. Проверить её подлинность можно по QR-коду на справке \
                или загрузив файл на странице проверки справок.

                Это письмо отправлено автоматически, отвечать на него не нужно.
                """.formatted(grouped));
        helper.addAttachment("spravka-" + grouped + ".pdf", new ByteArrayResource(pdf), "application/pdf");
        return message;
    }

    private enum SendOutcome { SENT, RETRY, ABANDONED }
}
