package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class EmbeddedSmtpTest {

    @Test
    void receivesMailOverSmtp() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start("127.0.0.1", 0)) {
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", String.valueOf(smtp.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(p));
            message.setFrom(new InternetAddress("noreply@frmr.test"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("ivanova@frmr.test"));
            message.setSubject("Код подтверждения");
            message.setText("Код: 424242", "UTF-8");
            Transport.send(message);

            assertThat(smtp.messagesTo("ivanova@frmr.test")).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Код подтверждения");
                assertThat(m.text()).isEqualTo("Код: 424242");
            });
            assertThat(smtp.messagesTo("petrov@frmr.test")).isEmpty();
            assertThat(smtp.header("ivanova@frmr.test", "Subject")).singleElement().asString().isNotBlank();
            assertThat(smtp.header("ivanova@frmr.test", "X-Not-There")).containsExactly((String) null);
            assertThat(smtp.header("petrov@frmr.test", "Subject")).isEmpty();
        }
    }
}
