package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ru.frmr.infra.embedded.EmbeddedSmtp;

/**
 * A worker's справка by e-mail, end to end through the gateway with a real ESIA (emulator) login: ivanova's first
 * login registers her, documents-service learns her name and e-mail address from the registry's and auth-service's
 * events, she requests an extract from the register by e-mail, and the local mailbox receives «Справка ФРМР № …»
 * with the signed PDF attached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateMailE2EIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String REQUEST = "{\"type\":\"REGISTER_EXTRACT\",\"purpose\":\"по месту требования\","
            + "\"delivery\":\"EMAIL\"}";

    private Platform platform;

    @BeforeAll
    void startPlatform() throws IOException {
        Path logDir = Platform.freshLogDir(getClass());
        platform = new Platform(logDir);
        platform.startAll();
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aWorkersSpravkaByEmailArrivesInTheMailboxWithThePdfAttached() {
        Login.Session ivanova = Login.as(platform, "ivanova");
        Api worker = new Api(platform.url(Platform.GATEWAY)).as(ivanova.accessToken());

        // Until documents-service has read her e-mail address from the events of her first login, e-mail delivery
        // is refused (422 naming delivery); then the request is accepted.
        Api.Response requested = await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> worker.post("/api/documents/me/certificates", REQUEST), r -> r.status() != 422);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String requestId = requested.json().get("requestId").asText();

        JsonNode delivered = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> worker.get("/api/documents/me/certificates/" + requestId).json(),
                        item -> "DELIVERED".equals(item.path("status").asText()));
        assertThat(delivered.path("channel").asText()).isEqualTo("EMAILED");
        String number = delivered.path("number").asText();

        List<EmbeddedSmtp.Mail> mails = platform.smtp().messagesTo("ivanova@frmr.test").stream()
                .filter(mail -> mail.subject().startsWith("Справка ФРМР")).toList();
        assertThat(mails).hasSize(1);
        EmbeddedSmtp.Mail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("Справка ФРМР № " + number);
        assertThat(mail.text()).contains(number);
        assertThat(mail.attachments()).hasSize(1);
        EmbeddedSmtp.Attachment pdf = mail.attachments().get(0);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.fileName()).endsWith(".pdf");
        assertThat(new String(pdf.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
