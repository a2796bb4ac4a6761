package ru.frmr.infra.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) that keeps every message it receives, for local runs and tests. */
public final class EmbeddedSmtp implements AutoCloseable {

    /** A received message, reduced to what a person reads and the files attached to it. */
    public record Mail(List<String> to, String subject, String text, List<Attachment> attachments) {

        public Mail {
            attachments = List.copyOf(attachments);
        }

        public Mail(List<String> to, String subject, String text) {
            this(to, subject, text, List.of());
        }
    }

    /** A file attached to a message. */
    public record Attachment(String fileName, String contentType, byte[] content) {
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

    /** Header {@code name} of each message to {@code recipient}, oldest first (null where it has none). */
    public List<String> header(String recipient, String name) {
        List<String> values = new ArrayList<>();
        try {
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                Address[] to = message.getAllRecipients();
                if (to != null && Arrays.stream(to).map(Address::toString).anyMatch(recipient::equals)) {
                    values.add(message.getHeader(name, ","));
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message", e);
        }
        return values;
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
            if (content instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                List<Attachment> attachments = new ArrayList<>();
                collect(multipart, text, attachments);
                return new Mail(to, message.getSubject(), text.toString(), attachments);
            }
            String text = content instanceof String decoded ? decoded : GreenMailUtil.getBody(message);
            return new Mail(to, message.getSubject(), text);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message", e);
        }
    }

    /** The text parts (joined) and the attached files of a multipart message, nested parts included. */
    private static void collect(Multipart multipart, StringBuilder text, List<Attachment> attachments)
            throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    attachments.add(new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
                }
            } else if (content instanceof Multipart nested) {
                collect(nested, text, attachments);
            } else if (content instanceof String decoded) {
                text.append(decoded);
            }
        }
    }
}
