package ru.frmr.notification.delivery.send;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;

/**
 * E-mail: plain UTF-8 text, the template's subject, and {@code Message-ID: <notificationId@frmr.ru>} so that a
 * message sent again after a lost answer is recognisably the same one (Spring keeps a Message-ID set beforehand).
 */
@Component
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final NoticeMailProperties settings;

    EmailSender(JavaMailSender mail, NoticeMailProperties settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public int send(OutgoingNotice notice) {
        InternetAddress to;
        try {
            to = new InternetAddress(notice.address(), true);
        } catch (AddressException malformed) {
            throw new RecipientRejectedException("The recipient's e-mail address is malformed");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(notice.text().subject());
            helper.setText(notice.text().body(), false);
            message.setHeader("Message-ID", "<" + notice.notificationId() + "@frmr.ru>");
            mail.send(message);
        } catch (MailException | MessagingException e) {
            throw new ChannelUnavailableException("The SMTP server did not take the message", e);
        }
        return 0;
    }
}
