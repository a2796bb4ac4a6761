package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.ISSUER;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertForbidden;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.confirmed;
import static ru.frmr.registry.web.RegistryClient.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.ServiceSmokeChecks;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.jwt.BadToken;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.registry.consumer.KafkaTestEvents;

/**
 * The registry's REST API against a real Kafka broker and the Mongo wire server, called with access
 * tokens from a test issuer: an administrator registers, the worker reads and edits their own record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerApiIT {

    private static final String DB = "registry_api_it";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    private RegistryClient registry;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void subscribe() {
        registry = new RegistryClient(port);
        consumer = KafkaTestEvents.subscribe("registry-it-", Topics.REGISTRY_EVENTS, Topics.PUBLIC_EVENTS);
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    @Test
    void registersReadsAndUpdatesAWorkerAndPublishesConformingEvents() throws Exception {
        HttpResponse<String> created = registry.post(bearer(ADMIN), "/api/registry/workers", body("112-233-445 95"));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/registry/workers/" + id);
        TestToken worker = TestToken.worker(id);

        JsonNode profile = awaitProfile(worker, id, -1);
        assertThat(profile.get("lastName").asText()).isEqualTo("Иванова");
        assertThat(profile.get("snils").asText()).isEqualTo("112-233-445 95");
        assertThat(profile.get("birthDate").asText()).isEqualTo("1985-04-12");

        String contacts = "{\"email\":\"new@example.ru\",\"mobile\":\"+79991234567\"}";
        HttpResponse<String> updated = registry.put(confirmed(worker), "/api/registry/workers/" + id + "/contacts",
                contacts);
        assertThat(updated.statusCode()).isEqualTo(204);
        JsonNode after = awaitProfile(worker, id, profile.get("version").asLong());
        assertThat(after.get("email").asText()).isEqualTo("new@example.ru");
        assertThat(after.get("mobile").asText()).isEqualTo("+79991234567");
        // The change is in the worker's journal: who and when, not the addresses.
        JsonNode journal = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id + "/journal",
                n -> n.size() == 1);
        assertThat(journal.get(0).get("section").asText()).isEqualTo("CONTACTS");
        assertThat(journal.get(0).get("action").asText()).isEqualTo("UPDATED");
        assertThat(journal.get(0).get("actor").asText()).isEqualTo("account:" + worker.subject());
        assertThat(journal.toString()).doesNotContain("new@example.ru", "1234567", "example.ru");

        List<CloudEvent> events = awaitEvents(id, 3);
        assertThat(events).extracting(e -> e.getType()).containsExactlyInAnyOrder(
                EventTypes.WORKER_REGISTERED, EventTypes.PROFILE_UPDATED, EventTypes.PROFILE_UPDATED);
        for (CloudEvent e : events) {
            assertThat(ContractSchemas.violations(e.getType(), e.getData().toBytes())).isEmpty();
            String data = new String(e.getData().toBytes());
            assertThat(data).doesNotContain("11223344595").doesNotContain("445 95").doesNotContain("new@example.ru");
            assertThat(e.getSource()).isEqualTo(URI.create("/frmr/registry-service"));
            // Who acted comes from the access token: the administrator registered, the worker edited.
            String actor = e.getType().equals(EventTypes.WORKER_REGISTERED) ? ADMIN.subject() : worker.subject();
            assertThat(e.getExtension("actor")).isEqualTo("account:" + actor);
            assertThat(e.getExtension("traceparent")).isNotNull();
        }
    }

    @Test
    void duplicateRegistrationIsAConflictNamingSnils() throws Exception {
        assertThat(registry.post(bearer(ADMIN), "/api/registry/workers", body("000-000-600 06")).statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = registry.post(bearer(ADMIN), "/api/registry/workers", body("00000060006"));
        assertProblem(again, 409, "snils");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"lastName\":\"Иванова\",\"firstName\":\"Мария\",\"birthDate\":\"1985-04-12\",\"snils\":\"112-233-445 96\",\"email\":\"m@example.ru\"}|snils",
            "{\"firstName\":\"Мария\",\"birthDate\":\"1985-04-12\",\"snils\":\"112-233-445 95\",\"email\":\"m@example.ru\"}|lastName",
            "{\"lastName\":\"Иванова\",\"firstName\":\"Мария\",\"birthDate\":\"12.04.1985\",\"snils\":\"112-233-445 95\",\"email\":\"m@example.ru\"}|birthDate",
            "{\"lastName\":\"Иванова\",\"firstName\":\"Мария\",\"birthDate\":[1],\"snils\":\"112-233-445 95\",\"email\":\"m@example.ru\"}|birthDate",
            "{\"lastName\":\"Иванова\",\"firstName\":\"Мария\",\"birthDate\":\"2999-01-01\",\"snils\":\"112-233-445 95\",\"email\":\"m@example.ru\"}|birthDate",
            "{\"lastName\":\"<script>alert(1)</script>\",\"firstName\":\"Мария\",\"birthDate\":\"1985-04-12\",\"snils\":\"112-233-445 95\",\"email\":\"m@example.ru\"}|lastName",
            "{\"lastName\":\"Иванова\",\"firstName\":\"Мария\",\"birthDate\":\"1985-04-12\",\"snils\":\"112-233-445 95\",\"email\":\"not-an-email\"}|email",
            "{\"lastName\":\"Иванова\",\"firstName\":{\"a\":1},\"birthDate\":\"1985-04-12\",\"snils\":\"112-233-445 95\",\"email\":\"m@example.ru\"}|firstName",
    })
    void invalidRegistrationIsRejectedNamingTheFieldAndStoresNothing(String json, String field) throws Exception {
        long before = storedEvents();
        HttpResponse<String> response = registry.post(bearer(ADMIN), "/api/registry/workers", json);
        assertProblem(response, 400, field);
        assertThat(response.body()).doesNotContain("112-233-445").doesNotContain("script>");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void oversizedNameIsRejected() throws Exception {
        String json = "{\"lastName\":\"" + "Я".repeat(101) + "\",\"firstName\":\"Мария\",\"birthDate\":\"1985-04-12\","
                + "\"snils\":\"112-233-445 95\",\"email\":\"m@example.ru\"}";
        assertProblem(registry.post(bearer(ADMIN), "/api/registry/workers", json), 400, "lastName");
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        HttpResponse<String> response = registry.post(bearer(ADMIN), "/api/registry/workers", "{\"lastName\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("/malformed-request");
    }

    @Test
    void wrongContentTypeIsA415Problem() throws Exception {
        HttpResponse<String> response = send(authorized(ADMIN, "/api/registry/workers")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertProblem(response, 415, null);
    }

    @Test
    void unknownWorkerIsA404Problem() throws Exception {
        String id = UUID.randomUUID().toString();
        assertProblem(registry.get(bearer(ADMIN), "/api/registry/workers/" + id), 404, null);
        assertProblem(registry.put(confirmed(TestToken.worker(id)), "/api/registry/workers/" + id + "/contacts",
                "{\"email\":\"a@example.ru\"}"), 404, null);
    }

    @Test
    void malformedWorkerIdIsA400NamingTheParameter() throws Exception {
        assertProblem(registry.get(bearer(ADMIN), "/api/registry/workers/not-a-uuid"), 400, "id");
    }

    @Test
    void contactsChangeOnlyWithARecentStepUpConfirmation() throws Exception {
        HttpResponse<String> created = registry.post(bearer(ADMIN), "/api/registry/workers", body(RegistryClient.randomSnils()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        long version = awaitProfile(worker, id, -1).get("version").asLong();
        String path = "/api/registry/workers/" + id + "/contacts";

        for (String authorization : List.of(bearer(worker), "Bearer " + ISSUER.mint(worker,
                Map.of("step_up", Instant.now().minusSeconds(301).getEpochSecond())))) {
            HttpResponse<String> refused = registry.put(authorization, path, "{\"email\":\"stolen@example.ru\"}");
            assertProblem(refused, 403, null);
            assertThat(JSON.readTree(refused.body()).get("type").asText()).endsWith("/step-up-required");
            assertThat(refused.body()).doesNotContain("stolen@example.ru");
        }
        assertThat(registry.put(confirmed(worker), path, "{\"email\":\"own@example.ru\"}").statusCode())
                .isEqualTo(204);
        JsonNode after = awaitProfile(worker, id, version);
        assertThat(after.get("email").asText()).isEqualTo("own@example.ru");
    }

    @Test
    void invalidContactsAreRejected() throws Exception {
        String id = UUID.randomUUID().toString();
        assertProblem(registry.put(bearer(TestToken.worker(id)), "/api/registry/workers/" + id + "/contacts",
                "{\"email\":\"a@example.ru\",\"mobile\":\"12345\"}"), 400, "mobile");
    }

    @Test
    void unknownRouteAndWrongMethodAreProblems() throws Exception {
        assertProblem(registry.get(bearer(ADMIN), "/api/registry/nothing-here"), 404, null);
        assertProblem(send(authorized(ADMIN, "/api/registry/workers").DELETE()), 405, null);
    }

    @Test
    void healthAndMetricsAreOpenOnTheManagementPortWithTheServiceTag() throws Exception {
        RegistryClient management = new RegistryClient(managementPort);
        assertThat(management.anonymousGet("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(management.anonymousGet("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(management.anonymousGet("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = management.anonymousGet("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("service=\"registry-service\"");
        assertThat(management.get(bearer(ADMIN), "/actuator/env").statusCode()).isEqualTo(404);
        assertThat(registry.get(bearer(ADMIN), "/actuator/prometheus").statusCode()).isEqualTo(404);
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port, managementPort, ISSUER);
        checks.metricsInclude("frmr_relay_lag_seconds", "frmr_axon_processor_lag_seconds",
                "frmr_relay_published_total", "frmr_relay_failures_total", "frmr_consumer_events_total",
                "frmr_consumer_dead_lettered_total", "kafka_producer_record_send_total",
                "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes",
                "process_start_time_seconds", "frmr_access_outbox_pending", "frmr_access_relay_published_total",
                "frmr_access_relay_failures_total", "http_server_requests_seconds_bucket",
                "frmr_registry_moderation_queue_size", "frmr_registry_moderation_queue_oldest_seconds",
                "frmr_registry_registrations_total", "frmr_registry_expiry_notices_total",
                "frmr_registry_expiry_backlog");
    }

    @Test
    void withoutATokenEveryApiCallIsAnUnauthorizedProblemWithABearerChallenge() throws Exception {
        long before = storedEvents();
        for (HttpResponse<String> response : List.of(
                registry.anonymousGet("/api/registry/workers/" + UUID.randomUUID()),
                registry.post(null, "/api/registry/workers", body("123-456-789 64")))) {
            assertProblem(response, 401, null);
            assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("/unauthorized");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void everyKindOfBadTokenIsUnauthorizedEvenWithAnAdministratorsClaims(BadToken kind) throws Exception {
        HttpResponse<String> response = registry.get("Bearer " + ISSUER.mint(kind, ADMIN),
                "/api/registry/workers/" + UUID.randomUUID());
        assertProblem(response, 401, null);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void aWorkerReachesOnlyTheirOwnRecordWhileAdministratorsAndSupervisorsReadAny() throws Exception {
        HttpResponse<String> created = registry.post(bearer(ADMIN), "/api/registry/workers", body("123-456-789 64"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        awaitProfile(TestToken.worker(id), id, -1);
        TestToken otherWorker = TestToken.worker(UUID.randomUUID().toString());

        assertForbidden(registry.get(bearer(otherWorker), "/api/registry/workers/" + id));
        assertForbidden(registry.put(bearer(otherWorker), "/api/registry/workers/" + id + "/contacts",
                "{\"email\":\"x@example.ru\"}"));
        assertForbidden(registry.put(bearer(ADMIN), "/api/registry/workers/" + id + "/contacts",
                "{\"email\":\"x@example.ru\"}"));
        assertForbidden(registry.post(bearer(TestToken.worker(id)), "/api/registry/workers", body("111-111-111 45")));
        assertForbidden(registry.get(bearer(TestToken.withRoles("EMPLOYER_HR").withWorkerId(id)),
                "/api/registry/workers/" + id));

        assertThat(registry.get(bearer(ADMIN), "/api/registry/workers/" + id).statusCode()).isEqualTo(200);
        assertThat(registry.get(RegistryClient.federalSupervisor(), "/api/registry/workers/" + id)
                .statusCode()).isEqualTo(200);
        // A supervisor whose token names no agency (none known, or revoked) opens nobody's record.
        assertThat(registry.get(bearer(TestToken.withRoles("SUPERVISOR")), "/api/registry/workers/" + id)
                .statusCode()).isEqualTo(404);
        assertThat(registry.get(bearer(TestToken.worker(id)), "/api/registry/workers/" + id).statusCode())
                .isEqualTo(200);
    }

    private JsonNode awaitProfile(TestToken reader, String id, long newerThan) {
        return registry.awaitJson(bearer(reader), "/api/registry/workers/" + id,
                node -> node.get("version").asLong() > newerThan);
    }

    private List<CloudEvent> awaitEvents(String subject, int count) {
        List<CloudEvent> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                CloudEvent e = KafkaMessageFactory.createReader(r).toEvent();
                if (subject.equals(e.getSubject())) {
                    assertThat(r.key()).isEqualTo(subject);
                    seen.add(e);
                }
            }
            assertThat(seen).hasSizeGreaterThanOrEqualTo(count);
        });
        return seen;
    }

    private long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }

    private static String body(String snils) throws Exception {
        return JSON.writeValueAsString(Map.of("lastName", "Иванова", "firstName", "Мария", "middleName", "Петровна",
                "birthDate", "1985-04-12", "snils", snils, "email", "m@example.ru"));
    }

    private HttpRequest.Builder authorized(TestToken caller, String path) {
        return HttpRequest.newBuilder(registry.url(path)).header("Authorization", bearer(caller));
    }
}
