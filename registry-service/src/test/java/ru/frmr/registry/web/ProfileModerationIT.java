package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Moderation over REST: a worker submits record changes with a step-up confirmed token, an administrator
 * approves or rejects them from the queue, and the cabinet, the journal and Kafka show the outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileModerationIT {

    private static final String DB = "registry_moderation_it";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final TestToken ADMIN = TestToken.withRoles("REGISTRY_ADMIN").validFor(Duration.ofHours(1));
    private static final String ACCREDITATION = """
            {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
             "protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}""";
    private static final String CERTIFICATE = """
            {"kind":"ADD","entry":{"section":"CERTIFICATES","series":"0177","number":"180012345",
             "examDate":"2021-05-20","endDate":"2026-05-20","specialtyCode":"31.08.36"}}""";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri(DB));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void subscribe() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-moderation-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.REGISTRY_EVENTS));
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    @Test
    void aConfirmedChangeWaitsForTheAdministratorAndThenJoinsTheRecordAndThePublicFeed() throws Exception {
        String id = registerWorker();
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));

        HttpResponse<String> submitted = post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                ACCREDITATION);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String changeId = JSON.readTree(submitted.body()).get("changeId").asText();

        JsonNode pending = awaitJson(bearer(worker), "/api/registry/workers/" + id + "/changes?status=PENDING",
                node -> node.size() == 1);
        assertThat(pending.get(0).get("changeId").asText()).isEqualTo(changeId);
        assertThat(pending.get(0).get("entry").get("endDate").asText()).isEqualTo("2029-06-01");
        assertThat(awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> n.get("pendingChanges").asLong() == 1)
                .get("entries")).isEmpty();
        JsonNode queue = JSON.readTree(get(bearer(ADMIN), "/api/registry/moderation/queue?size=100").body());
        assertThat(queue.get("items").findValuesAsText("changeId")).contains(changeId);

        HttpResponse<String> approved = post(bearer(ADMIN), "/api/registry/moderation/" + changeId + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);

        JsonNode profile = awaitJson(bearer(worker), "/api/registry/workers/" + id,
                n -> n.get("pendingChanges").asLong() == 0 && n.get("entries").size() == 1);
        JsonNode entry = profile.get("entries").elements().next();
        assertThat(entry.get("section").asText()).isEqualTo("ACCREDITATION");
        assertThat(entry.get("endDate").asText()).isEqualTo("2029-06-01");
        assertProblem(post(bearer(ADMIN), "/api/registry/moderation/" + changeId + "/approve", ""), 422, "changeId");

        CloudEvent update = awaitEvent(id, EventTypes.PROFILE_UPDATED);
        assertThat(ContractSchemas.violations(update.getType(), update.getData().toBytes())).isEmpty();
        JsonNode data = JSON.readTree(update.getData().toBytes());
        assertThat(data.get("sections").get(0).asText()).isEqualTo("ACCREDITATION");
        assertThat(data.get("profileVersion").asLong()).isEqualTo(2);

        // The approved accreditation is in the public register, for anyone, with public fields only.
        String search = "/api/registry/public/workers?q=%D1%81%D0%BC%D0%B8%D1%80%D0%BD%D0%BE%D0%B2%D0%BE%D0%B9"
                + "&specialty=31.08.49&status=ACTIVE&size=100";
        String[] raw = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> r = anonymousGet(search);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("items").findValuesAsText("workerId")).contains(id);
            raw[0] = r.body();
        });
        assertThat(raw[0]).contains("\"endDate\":\"2029-06-01\"").contains("Терапия")
                .doesNotContain("snils").doesNotContain("birthDate").doesNotContain("email")
                .doesNotContain("a@example.ru").doesNotContain("1987-09-03");
        HttpResponse<String> fhir = anonymousGet("/fhir/Practitioner/" + id);
        assertThat(fhir.statusCode()).as(fhir.body()).isEqualTo(200);
        assertThat(fhir.body()).contains("\"resourceType\":\"Practitioner\"").contains("31.08.49")
                .doesNotContain("1987-09-03");
        assertProblem(anonymousGet("/api/registry/public/workers?size=1000"), 400, "size");
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRejectionCarriesTheReasonAndTheJournalTellsWhoDidWhat() throws Exception {
        String id = registerWorker();
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        String changeId = JSON.readTree(post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                CERTIFICATE).body()).get("changeId").asText();
        awaitJson(bearer(ADMIN), "/api/registry/workers/" + id + "/changes", node -> node.size() == 1);

        assertProblem(post(bearer(ADMIN), "/api/registry/moderation/" + changeId + "/reject", "{\"reason\":\" \"}"),
                400, "reason");
        assertProblem(post(bearer(ADMIN), "/api/registry/moderation/" + changeId + "/reject",
                "{\"reason\":\"<b>нет</b>\"}"), 400, "reason");
        HttpResponse<String> rejected = post(bearer(ADMIN), "/api/registry/moderation/" + changeId + "/reject",
                "{\"reason\":\"Скан сертификата нечитаем\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);

        JsonNode journal = awaitJson(bearer(worker), "/api/registry/workers/" + id + "/journal", n -> n.size() == 2);
        assertThat(journal.findValuesAsText("action")).containsExactly("SUBMITTED", "REJECTED");
        assertThat(journal.get(0).get("actor").asText()).isEqualTo("account:" + worker.subject());
        assertThat(journal.get(0).get("section").asText()).isEqualTo("CERTIFICATES");
        assertThat(journal.get(1).get("actor").asText()).isEqualTo("account:" + ADMIN.subject());
        assertThat(journal.get(1).get("reason").asText()).isEqualTo("Скан сертификата нечитаем");
        assertThat(journal.get(1).get("at")).isNotNull();
        assertThat(get(bearer(ADMIN), "/api/registry/workers/" + id + "/journal").statusCode()).isEqualTo(200);

        JsonNode changes = JSON.readTree(get(bearer(worker), "/api/registry/workers/" + id + "/changes").body());
        assertThat(changes.get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(changes.get(0).get("decidedBy").asText()).isEqualTo("account:" + ADMIN.subject());

        CloudEvent rejection = awaitEvent(id, EventTypes.PROFILE_CHANGE_REJECTED);
        assertThat(ContractSchemas.violations(rejection.getType(), rejection.getData().toBytes())).isEmpty();
        assertThat(JSON.readTree(rejection.getData().toBytes()).get("changeId").asText()).isEqualTo(changeId);
    }

    @Test
    void aSubmissionNeedsARecentStepUpConfirmation() throws Exception {
        String id = registerWorker();
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        long before = storedEvents();
        String path = "/api/registry/workers/" + id + "/changes";
        for (String authorization : List.of(bearer(worker),
                "Bearer " + ISSUER.mint(worker, Map.of("step_up", Instant.now().minusSeconds(301).getEpochSecond())))) {
            HttpResponse<String> response = post(authorization, path, ACCREDITATION);
            assertProblem(response, 403, null);
            assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("/step-up-required");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\":\"ADD\",\"entry\":{\"section\":\"ACCREDITATION\",\"kind\":\"PERIODIC\",\"protocolNumber\":\"1\",\"protocolDate\":\"2024-06-01\",\"specialtyCode\":\"99.99.99\"}}|422|entry.specialtyCode",
            "{\"kind\":\"ADD\",\"entry\":{\"section\":\"ACCREDITATION\",\"kind\":\"PERIODIC\",\"protocolNumber\":\"<script>x</script>\",\"protocolDate\":\"2024-06-01\",\"specialtyCode\":\"31.08.49\"}}|422|entry.protocolNumber",
            "{\"kind\":\"ADD\",\"entry\":{\"section\":\"ACCREDITATION\",\"kind\":\"PERIODIC\",\"protocolNumber\":\"1\",\"protocolDate\":\"2999-01-01\",\"specialtyCode\":\"31.08.49\"}}|422|entry.protocolDate",
            "{\"kind\":\"ADD\",\"entry\":{\"section\":\"CERTIFICATES\",\"number\":\"1\",\"examDate\":\"2021-05-20\",\"endDate\":\"2020-05-20\",\"specialtyCode\":\"31.08.36\"}}|422|entry.endDate",
            "{\"kind\":\"CORRECT\",\"entryId\":\"00000000-0000-4000-8000-000000000000\",\"entry\":{\"section\":\"CERTIFICATES\",\"number\":\"1\",\"examDate\":\"2021-05-20\",\"endDate\":\"2026-05-20\",\"specialtyCode\":\"31.08.36\"}}|422|entryId",
            "{\"entry\":{\"section\":\"CERTIFICATES\",\"number\":\"1\",\"examDate\":\"2021-05-20\",\"endDate\":\"2026-05-20\",\"specialtyCode\":\"31.08.36\"}}|400|kind",
            "{\"kind\":\"ADD\",\"entryId\":\"not-an-id\"}|400|entryId",
            "{\"kind\":\"ADD\",\"entry\":{\"section\":\"CERTIFICATES\",\"examDate\":\"20.05.2021\"}}|400|entry.examDate",
    })
    void anInvalidChangeIsRejectedNamingTheFieldAndStoresNothing(String json, int status, String field)
            throws Exception {
        String id = registerWorker();
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> true);
        long before = storedEvents();
        HttpResponse<String> response = post(confirmed(worker), "/api/registry/workers/" + id + "/changes", json);
        assertProblem(response, status, field);
        assertThat(response.body()).doesNotContain("script>");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyTheWorkerSubmitsAndOnlyAdministratorsModerate() throws Exception {
        String id = registerWorker();
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        TestToken other = TestToken.worker(UUID.randomUUID().toString());
        String changes = "/api/registry/workers/" + id + "/changes";

        assertForbidden(post(confirmed(other), changes, ACCREDITATION));
        assertForbidden(post(confirmed(ADMIN), changes, ACCREDITATION));
        assertForbidden(get(bearer(other), changes));
        assertForbidden(get(bearer(other), "/api/registry/workers/" + id + "/journal"));
        assertForbidden(get(bearer(TestToken.withRoles("SUPERVISOR")), "/api/registry/workers/" + id + "/journal"));
        assertForbidden(get(bearer(worker), "/api/registry/moderation/queue"));
        assertForbidden(post(bearer(worker), "/api/registry/moderation/" + UUID.randomUUID() + "/approve", ""));
        assertForbidden(post(bearer(worker), "/api/registry/moderation/" + UUID.randomUUID() + "/reject",
                "{\"reason\":\"нет\"}"));

        assertProblem(post(bearer(ADMIN), "/api/registry/moderation/" + UUID.randomUUID() + "/approve", ""), 404, null);
        assertProblem(post(bearer(ADMIN), "/api/registry/moderation/not-a-change/approve", ""), 400, "changeId");
        assertProblem(get(bearer(ADMIN), "/api/registry/moderation/queue?size=1000"), 400, "size");
        assertProblem(get(bearer(worker), changes + "?status=SOMETIME"), 400, "status");
    }

    @Test
    void theQueueListsPendingChangesOldestFirstInPages() throws Exception {
        String id = registerWorker();
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        post(confirmed(worker), "/api/registry/workers/" + id + "/changes", ACCREDITATION);
        post(confirmed(worker), "/api/registry/workers/" + id + "/changes", CERTIFICATE);
        awaitJson(bearer(worker), "/api/registry/workers/" + id + "/changes?status=PENDING", n -> n.size() == 2);

        JsonNode first = JSON.readTree(get(bearer(ADMIN), "/api/registry/moderation/queue?page=0&size=1").body());
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode all = JSON.readTree(get(bearer(ADMIN), "/api/registry/moderation/queue?size=100").body());
        List<String> submittedAt = all.get("items").findValuesAsText("submittedAt");
        assertThat(submittedAt).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
        assertThat(all.get("items").get(0).get("changeId").asText())
                .isEqualTo(first.get("items").get(0).get("changeId").asText());
    }

    private String registerWorker() throws Exception {
        String body = JSON.writeValueAsString(Map.of("lastName", "Смирнова", "firstName", "Анна",
                "birthDate", "1987-09-03", "snils", randomSnils(), "email", "a@example.ru"));
        HttpResponse<String> created = post(bearer(ADMIN), "/api/registry/workers", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** A СНИЛС with a correct checksum, random enough not to clash with other tests' registrations. */
    private static String randomSnils() {
        long number = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        String digits = String.valueOf(number);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int checksum = sum < 100 ? sum : (sum % 101) % 100;
        return digits + String.format("%02d", checksum);
    }

    private JsonNode awaitJson(String authorization, String path, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] holder = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> r = get(authorization, path);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode node = JSON.readTree(r.body());
            assertThat(ready.test(node)).as(r.body()).isTrue();
            holder[0] = node;
        });
        return holder[0];
    }

    private CloudEvent awaitEvent(String subject, String type) {
        List<CloudEvent> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                CloudEvent e = KafkaMessageFactory.createReader(r).toEvent();
                if (subject.equals(e.getSubject()) && type.equals(e.getType())) {
                    seen.add(e);
                }
            }
            assertThat(seen).isNotEmpty();
        });
        return seen.get(0);
    }

    private long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(response.body()).contains(field);
        }
    }

    private static void assertForbidden(HttpResponse<String> response) throws Exception {
        assertProblem(response, 403, null);
        assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("/forbidden");
    }

    private static String bearer(TestToken token) {
        return "Bearer " + ISSUER.mint(token);
    }

    /** A token as auth-service issues it right after the worker confirmed a step-up one-time code. */
    private static String confirmed(TestToken token) {
        return "Bearer " + ISSUER.mint(token, Map.of("step_up", Instant.now().getEpochSecond()));
    }

    private HttpRequest.Builder request(String authorization, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization);
    }

    private HttpResponse<String> get(String authorization, String path) throws Exception {
        return HTTP.send(request(authorization, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String authorization, String path, String json) throws Exception {
        return HTTP.send(request(authorization, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
