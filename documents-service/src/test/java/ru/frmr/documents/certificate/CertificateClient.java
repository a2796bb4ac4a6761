package ru.frmr.documents.certificate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.employer.ContractKind;
import ru.frmr.contracts.employer.EmployingOrganization;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * documents-service's справки as their callers use them, for integration tests: the other services' events in
 * (Kafka), tokens, and HTTP calls.
 */
public final class CertificateClient {

    public static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final EmployingOrganization HOSPITAL = new EmployingOrganization("org-5",
            "ГБУЗ «Городская клиническая больница № 1»", "1027700132195", "77");

    private final String base;

    public CertificateClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A worker the registry registered, with a login account (and its e-mail address when not null). */
    public record Worker(String workerId, String accountId, String email) {

        public String token() {
            return ISSUER.mint(TestToken.worker(workerId).withSubject(accountId));
        }
    }

    public static Worker registeredWorker(String email) {
        Worker worker = new Worker(UUID.randomUUID().toString(), UUID.randomUUID().toString(), email);
        publish(Topics.REGISTRY_EVENTS, "/frmr/registry-service", new WorkerRegistered(worker.workerId(), "Иванова",
                "Мария", "Петровна", Instant.now()));
        if (email != null) {
            publish(Topics.AUTH_EVENTS, "/frmr/auth-service", new AccountProvisioned(worker.accountId(), true,
                    "1000299654", "Иванова", "Мария", "Петровна", LocalDate.of(1985, 4, 12), "F", "11223344595",
                    email, null, Instant.now(), null, "RUS", null));
        }
        publish(Topics.REGISTRY_EVENTS, "/frmr/registry-service", new WorkerAccountLinked(worker.workerId(),
                worker.accountId(), Instant.now()));
        return worker;
    }

    public static void hired(Worker worker) {
        publish(Topics.EMPLOYER_EVENTS, "/frmr/employer-service", new EmploymentRecorded(UUID.randomUUID().toString(),
                worker.workerId(), HOSPITAL, null, "THERAPIST", new java.math.BigDecimal("1.0"), ContractKind.MAIN,
                LocalDate.of(2020, 3, 1), 1, Instant.now()));
    }

    public static void publish(String topic, String source, IntegrationEvent event) {
        CloudEvent ce = CloudEventRecords.cloudEvent(UUID.randomUUID().toString(), URI.create(source),
                EventCatalog.of(event.getClass()), event, Instant.now(), Map.of(CloudEventRecords.ACTOR, "system"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(topic, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The public check of a PDF: no token. */
    public HttpResponse<String> verifyPdf(byte[] pdf) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/documents/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
