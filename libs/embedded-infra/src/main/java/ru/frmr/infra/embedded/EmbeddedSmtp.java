package ru.frmr.infra.embedded;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) that keeps every message it receives, for local runs and tests. */
public final class EmbeddedSmtp implements AutoCloseable {

    /** A received message, reduced to what a person reads. */
    public record Mail(List<String> to, String subject, String text) {
    }

    private final GreenMail greenMail;
    private final int port;

    private EmbeddedSmtp(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** @param port 0 picks a free port */
    public static EmbeddedSmtp start(String host, int port) {
        int chosen = port == 0 ? Ports.pickFree(1)[0] : port;
        GreenMail greenMail = new GreenMail(new ServerSetup(chosen, host, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new EmbeddedSmtp(greenMail, chosen);
    }

    public int port() {
        return port;
    }

    /** Everything received so far, oldest first. */
    public List<Mail> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(EmbeddedSmtp::toMail).toList();
    }

    /** Messages addressed to {@code recipient}, oldest first. */
    public List<Mail> messagesTo(String recipient) {
        return messages().stream().filter(m -> m.to().contains(recipient)).toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static Mail toMail(MimeMessage message) {
        try {
            List<String> to = message.getAllRecipients() == null ? List.of()
                    : Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
            // Decoded content: a Cyrillic text body travels base64- or quoted-printable-encoded.
            Object content = message.getContent();
            String text = content instanceof String decoded ? decoded : GreenMailUtil.getBody(message);
            return new Mail(to, message.getSubject(), text);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message", e);
        }
    }
}
