package ru.frmr.documents.certificate.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import ru.frmr.documents.certificate.CertificateProperties;
import ru.frmr.documents.certificate.api.DeliveryChannel;
import ru.frmr.documents.certificate.api.RecordDeliveryCommand;
import ru.frmr.documents.certificate.issue.CertificateFiles;
import ru.frmr.documents.certificate.person.PersonFacts;

class CertificateMailerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final String REQUEST = "2f6e4c1a-9b7d-4e3f-8a21-5c0d9e8f7a6b";
    private static final String NUMBER = "7KQ2M9TXB4HD1R8W";
    private static final byte[] PDF = "%PDF-1.7 справка".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final MailDeliveries deliveries = mock(MailDeliveries.class);
    private final PersonFacts facts = mock(PersonFacts.class);
    private final CertificateFiles files = mock(CertificateFiles.class);
    private final JavaMailSender mail = mock(JavaMailSender.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private CertificateMailer mailer;

    @BeforeEach
    void setUp() {
        CertificateProperties.Mail settings = new CertificateProperties.Mail("noreply@frmr.test", null,
                Duration.ofSeconds(30), Duration.ofMinutes(5), null, false);
        mailer = new CertificateMailer(deliveries, facts, files, mail, commands, settings,
                Clock.fixed(NOW, ZoneOffset.UTC), mock(LockProvider.class), new SimpleMeterRegistry());
        when(mail.createMimeMessage()).thenAnswer(invocation -> new MimeMessage((Session) null));
        when(facts.email("w-1")).thenReturn(Optional.of("ivanova@example.ru"));
        when(files.read(NUMBER)).thenReturn(Optional.of(PDF));
    }

    private static MailDelivery delivery(MailDelivery.State state, int attempts) {
        return new MailDelivery(REQUEST, "w-1", NUMBER, state, attempts, NOW);
    }

    @Test
    void aDueDeliveryIsMailedWithThePdfThenRecordedOnce() throws Exception {
        assertThat(mailer.settle(delivery(MailDelivery.State.PENDING, 0), NOW)).isTrue();

        ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
        verify(mail).send(sent.capture());
        assertThat(sent.getValue().getSubject()).isEqualTo("Справка ФРМР № 7KQ2-M9TX-B4HD-1R8W");
        assertThat(sent.getValue().getAllRecipients()[0].toString()).isEqualTo("ivanova@example.ru");
        verify(deliveries).moveTo(REQUEST, MailDelivery.State.SENT);
        verify(commands).sendAndWait(new RecordDeliveryCommand(REQUEST, DeliveryChannel.EMAILED, null, NOW));
        verify(deliveries).moveTo(REQUEST, MailDelivery.State.RECORDED);
    }

    @Test
    void anSmtpFailureIsRetriedLaterAndNothingIsRecorded() {
        doThrow(new MailSendException("connection refused")).when(mail).send(any(MimeMessage.class));

        assertThat(mailer.settle(delivery(MailDelivery.State.PENDING, 2), NOW)).isFalse();

        verify(deliveries).retryAt(REQUEST, 3, NOW.plus(Duration.ofMinutes(2)));
        verify(deliveries, never()).moveTo(any(), any());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aMailSentBeforeACrashIsRecordedWithoutSendingAgain() {
        assertThat(mailer.settle(delivery(MailDelivery.State.SENT, 0), NOW)).isTrue();

        verify(mail, never()).send(any(MimeMessage.class));
        verify(commands).sendAndWait(new RecordDeliveryCommand(REQUEST, DeliveryChannel.EMAILED, null, NOW));
    }

    @Test
    void withoutAnAddressAnyMoreTheDeliveryIsAbandoned() {
        when(facts.email("w-1")).thenReturn(Optional.empty());

        assertThat(mailer.settle(delivery(MailDelivery.State.PENDING, 0), NOW)).isTrue();

        verify(deliveries).moveTo(REQUEST, MailDelivery.State.ABANDONED);
        verify(mail, never()).send(any(MimeMessage.class));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void thePauseDoublesUpToItsCeiling() {
        assertThat(mailer.pause(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(mailer.pause(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(mailer.pause(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(mailer.pause(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(mailer.pause(60)).isEqualTo(Duration.ofMinutes(5));
    }
}
