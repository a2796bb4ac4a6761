package ru.frmr.documents.certificate;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * documents-service with the real in-process Kafka broker, the Mongo wire server and GreenMail as the SMTP server;
 * the e-mail sweeper runs every 200 ms and retries a failed send after 200 ms, doubling to at most a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "frmr.documents.certificates.mail.sweep-interval=200ms",
        "frmr.documents.certificates.mail.first-retry=200ms",
        "frmr.documents.certificates.mail.max-retry=1s",
        "frmr.documents.certificates.public-base-url=https://frmr.test"})
@ActiveProfiles("test")
public abstract class CertificateItSupport {

    protected static final int SMTP_PORT = Ports.pickFree(1)[0];
    protected static GreenMail smtp = startSmtp();
    protected static final Duration READY_WITHIN = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;

    @Autowired
    protected PersonFacts facts;

    protected CertificateClient client() {
        return new CertificateClient(port);
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("documents_certificates_it"));
        registry.add("frmr.security.jwks-uri", CertificateClient.ISSUER::jwksUri);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    protected static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Waits until the read model knows the worker's name (and the employment, and the e-mail, when asked). */
    protected void awaitKnown(CertificateClient.Worker worker, boolean employed) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var snapshot = facts.snapshot(worker.workerId());
            return snapshot.inRegister() && (!employed || !snapshot.employments().isEmpty())
                    && (worker.email() == null || snapshot.email().isPresent());
        });
    }

    /** Requests a справка and answers its id. */
    protected String request(CertificateClient.Worker worker, Object body) {
        var response = client().post("/api/documents/me/certificates", worker.token(), body);
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return CertificateClient.json(response).path("requestId").asText();
    }

    /** Waits until the request reaches {@code status}, answering it as the worker sees it. */
    protected JsonNode awaitStatus(CertificateClient.Worker worker, String requestId, String status) {
        String path = "/api/documents/me/certificates/" + requestId;
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = client().get(path, worker.token());
            return response.statusCode() == 200
                    && status.equals(CertificateClient.json(response).path("status").asText());
        });
        return CertificateClient.json(client().get(path, worker.token()));
    }
}
