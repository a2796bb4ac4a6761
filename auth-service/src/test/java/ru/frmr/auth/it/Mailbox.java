package ru.frmr.auth.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

/** A real SMTP server (GreenMail) on a free port, once per test JVM; reads one-time codes out of the mails. */
final class Mailbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static GreenMail server;

    private Mailbox() {
    }

    static synchronized int port() {
        if (server == null) {
            GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
            server = started;
        }
        return server.getSmtp().getPort();
    }

    /** The code of the newest mail to {@code address} that arrived after {@code before} mails to it. */
    static String awaitCode(String address, int before) {
        MimeMessage[] mails = Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> to(address), m -> m.length > before);
        MimeMessage newest = Arrays.stream(mails).max(Comparator.comparing(Mailbox::received)).orElseThrow();
        Matcher m = CODE.matcher(text(newest));
        if (!m.find()) {
            throw new AssertionError("no code in the mail to " + address);
        }
        return m.group(1);
    }

    /**
     * The code of the newest mail to {@code address} whose subject contains {@code subject}, once there are more
     * than {@code before} such mails.
     */
    static String awaitCode(String address, int before, String subject) {
        MimeMessage[] mails = Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> to(address, subject), m -> m.length > before);
        MimeMessage newest = Arrays.stream(mails).max(Comparator.comparing(Mailbox::received)).orElseThrow();
        Matcher m = CODE.matcher(text(newest));
        if (!m.find()) {
            throw new AssertionError("no code in the mail to " + address);
        }
        return m.group(1);
    }

    static int count(String address, String subject) {
        return to(address, subject).length;
    }

    private static MimeMessage[] to(String address, String subject) {
        return Arrays.stream(to(address)).filter(m -> subjectOf(m).contains(subject)).toArray(MimeMessage[]::new);
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The decoded text: the mail is quoted-printable (its Cyrillic text), so the raw body is not enough. */
    private static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(message);
        } catch (java.io.IOException | MessagingException e) {
            throw new AssertionError("unreadable mail", e);
        }
    }

    static int count(String address) {
        return to(address).length;
    }

    private static MimeMessage[] to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> isTo(m, address)).toArray(MimeMessage[]::new);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static Date received(MimeMessage message) {
        try {
            return message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        } catch (MessagingException e) {
            return new Date(0);
        }
    }
}
