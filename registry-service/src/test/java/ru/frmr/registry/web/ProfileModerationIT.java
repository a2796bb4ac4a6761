package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.consumer.KafkaTestEvents.awaitEvent;
import static ru.frmr.registry.web.RegistryClient.ACCREDITATION;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.CERTIFICATE;
import static ru.frmr.registry.web.RegistryClient.ISSUER;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertForbidden;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.confirmed;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.relay.CloudEventRecords;
import ru.frmr.registry.consumer.KafkaTestEvents;

/**
 * Moderation over REST: a worker submits record changes with a step-up confirmed token, an administrator
 * approves or rejects them from the queue, and the cabinet, the journal and Kafka show the outcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileModerationIT {

    private static final String DB = "registry_moderation_it";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private RegistryClient registry;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void subscribe() {
        registry = new RegistryClient(port);
        consumer = KafkaTestEvents.subscribe("registry-moderation-it-", Topics.REGISTRY_EVENTS);
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    @Test
    void aConfirmedChangeWaitsForTheAdministratorAndThenJoinsTheRecordAndThePublicFeed() throws Exception {
        String id = registry.registerWorker("Смирнова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));

        HttpResponse<String> submitted = registry.post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                ACCREDITATION);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String changeId = JSON.readTree(submitted.body()).get("changeId").asText();

        JsonNode pending = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id + "/changes?status=PENDING",
                node -> node.size() == 1);
        assertThat(pending.get(0).get("changeId").asText()).isEqualTo(changeId);
        assertThat(pending.get(0).get("entry").get("endDate").asText()).isEqualTo("2029-06-01");
        assertThat(registry.awaitJson(bearer(worker), "/api/registry/workers/" + id,
                n -> n.get("pendingChanges").asLong() == 1).get("entries")).isEmpty();
        JsonNode queue = JSON.readTree(registry.get(bearer(ADMIN), "/api/registry/moderation/queue?size=100").body());
        assertThat(queue.get("items").findValuesAsText("changeId")).contains(changeId);
        // Each item names the worker too: the decision's URL carries both ids.
        for (JsonNode item : queue.get("items")) {
            if (item.get("changeId").asText().equals(changeId)) {
                assertThat(item.get("workerId").asText()).isEqualTo(id);
            }
        }

        HttpResponse<String> approved = registry.post(bearer(ADMIN),
                RegistryClient.decision(id, changeId, "approve"), "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);

        JsonNode profile = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id,
                n -> n.get("pendingChanges").asLong() == 0 && n.get("entries").size() == 1);
        JsonNode entry = profile.get("entries").elements().next();
        assertThat(entry.get("section").asText()).isEqualTo("ACCREDITATION");
        assertThat(entry.get("endDate").asText()).isEqualTo("2029-06-01");
        assertProblem(registry.post(bearer(ADMIN), RegistryClient.decision(id, changeId, "approve"), ""), 422,
                "changeId");

        // One approval, two events: the public section update and the internal entry, the second under an id
        // derived from the first's.
        Map<String, CloudEvent> published = KafkaTestEvents.awaitEvents(consumer, id, EventTypes.PROFILE_UPDATED,
                EventTypes.PROFESSIONAL_RECORD_CHANGED);
        CloudEvent update = published.get(EventTypes.PROFILE_UPDATED);
        assertThat(ContractSchemas.violations(update.getType(), update.getData().toBytes())).isEmpty();
        JsonNode data = JSON.readTree(update.getData().toBytes());
        assertThat(data.get("sections").get(0).asText()).isEqualTo("ACCREDITATION");
        assertThat(data.get("profileVersion").asLong()).isEqualTo(2);
        CloudEvent record = published.get(EventTypes.PROFESSIONAL_RECORD_CHANGED);
        assertThat(ContractSchemas.violations(record.getType(), record.getData().toBytes())).isEmpty();
        assertThat(record.getId()).isEqualTo(CloudEventRecords.derivedEventId(update.getId(), record.getType()));
        JsonNode recorded = JSON.readTree(record.getData().toBytes());
        assertThat(recorded.get("change").asText()).isEqualTo("ADDED");
        assertThat(recorded.get("entryId").asText()).isEqualTo(pending.get(0).get("entryId").asText());
        assertThat(recorded.get("entry").get("section").asText()).isEqualTo("ACCREDITATION");
        assertThat(recorded.get("entry").get("endDate").asText()).isEqualTo("2029-06-01");
        assertThat(recorded.get("profileVersion").asLong()).isEqualTo(2);

        // The approved accreditation is in the public register, for anyone, with public fields only.
        String search = "/api/registry/public/workers?q=%D1%81%D0%BC%D0%B8%D1%80%D0%BD%D0%BE%D0%B2%D0%BE%D0%B9"
                + "&specialty=31.08.49&status=ACTIVE&size=100";
        String[] raw = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> r = registry.anonymousGet(search);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("items").findValuesAsText("workerId")).contains(id);
            raw[0] = r.body();
        });
        assertThat(raw[0]).contains("\"endDate\":\"2029-06-01\"").contains("Терапия")
                .doesNotContain("snils").doesNotContain("birthDate").doesNotContain("email")
                .doesNotContain("a@example.ru").doesNotContain("1987-09-03");
        HttpResponse<String> fhir = registry.anonymousGet("/fhir/Practitioner/" + id);
        assertThat(fhir.statusCode()).as(fhir.body()).isEqualTo(200);
        assertThat(fhir.body()).contains("\"resourceType\":\"Practitioner\"").contains("31.08.49")
                .doesNotContain("1987-09-03");
        assertProblem(registry.anonymousGet("/api/registry/public/workers?size=1000"), 400, "size");
    }

    @Test
    void aRejectionCarriesTheReasonAndTheJournalTellsWhoDidWhat() throws Exception {
        String id = registry.registerWorker("Смирнова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        String changeId = JSON.readTree(registry.post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                CERTIFICATE).body()).get("changeId").asText();
        registry.awaitJson(bearer(ADMIN), "/api/registry/workers/" + id + "/changes", node -> node.size() == 1);

        assertProblem(registry.post(bearer(ADMIN), RegistryClient.decision(id, changeId, "reject"), "{\"reason\":\" \"}"),
                400, "reason");
        assertProblem(registry.post(bearer(ADMIN), RegistryClient.decision(id, changeId, "reject"),
                "{\"reason\":\"<b>нет</b>\"}"), 400, "reason");
        HttpResponse<String> rejected = registry.post(bearer(ADMIN), RegistryClient.decision(id, changeId, "reject"),
                "{\"reason\":\"Скан сертификата нечитаем\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);

        JsonNode journal = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id + "/journal",
                n -> n.size() == 2);
        assertThat(journal.findValuesAsText("action")).containsExactly("SUBMITTED", "REJECTED");
        assertThat(journal.get(0).get("actor").asText()).isEqualTo("account:" + worker.subject());
        assertThat(journal.get(0).get("section").asText()).isEqualTo("CERTIFICATES");
        assertThat(journal.get(1).get("actor").asText()).isEqualTo("account:" + ADMIN.subject());
        assertThat(journal.get(1).get("reason").asText()).isEqualTo("Скан сертификата нечитаем");
        assertThat(journal.get(1).get("at")).isNotNull();
        assertThat(registry.get(bearer(ADMIN), "/api/registry/workers/" + id + "/journal").statusCode()).isEqualTo(200);

        JsonNode changes = JSON.readTree(registry.get(bearer(worker), "/api/registry/workers/" + id + "/changes")
                .body());
        assertThat(changes.get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(changes.get(0).get("decidedBy").asText()).isEqualTo("account:" + ADMIN.subject());

        CloudEvent rejection = awaitEvent(consumer, id, EventTypes.PROFILE_CHANGE_REJECTED);
        assertThat(ContractSchemas.violations(rejection.getType(), rejection.getData().toBytes())).isEmpty();
        assertThat(JSON.readTree(rejection.getData().toBytes()).get("changeId").asText()).isEqualTo(changeId);
    }

    @Test
    void aSubmissionNeedsARecentStepUpConfirmation() throws Exception {
        String id = registry.registerWorker("Смирнова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        long before = storedEvents();
        String path = "/api/registry/workers/" + id + "/changes";
        for (String authorization : List.of(bearer(worker),
                "Bearer " + ISSUER.mint(worker, Map.of("step_up", Instant.now().minusSeconds(301).getEpochSecond())))) {
            HttpResponse<String> response = registry.post(authorization, path, ACCREDITATION);
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
        String id = registry.registerWorker("Смирнова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        registry.awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> true);
        long before = storedEvents();
        HttpResponse<String> response = registry.post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                json);
        assertProblem(response, status, field);
        assertThat(response.body()).doesNotContain("script>");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyTheWorkerSubmitsAndOnlyAdministratorsModerate() throws Exception {
        String id = registry.registerWorker("Смирнова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        TestToken other = TestToken.worker(UUID.randomUUID().toString());
        String changes = "/api/registry/workers/" + id + "/changes";

        assertForbidden(registry.post(confirmed(other), changes, ACCREDITATION));
        assertForbidden(registry.post(confirmed(ADMIN), changes, ACCREDITATION));
        assertForbidden(registry.get(bearer(other), changes));
        assertForbidden(registry.get(bearer(other), "/api/registry/workers/" + id + "/journal"));
        assertForbidden(registry.get(bearer(TestToken.withRoles("SUPERVISOR")),
                "/api/registry/workers/" + id + "/journal"));
        assertForbidden(registry.get(bearer(worker), "/api/registry/moderation/queue"));
        String someChange = UUID.randomUUID().toString();
        assertForbidden(registry.post(bearer(worker), RegistryClient.decision(id, someChange, "approve"), ""));
        assertForbidden(registry.post(bearer(worker), RegistryClient.decision(id, someChange, "reject"),
                "{\"reason\":\"нет\"}"));

        // The decision goes straight to the record: an unknown worker is 404, a change it does not await 422.
        assertProblem(registry.post(bearer(ADMIN), RegistryClient.decision(UUID.randomUUID().toString(), someChange,
                "approve"), ""), 404, null);
        assertProblem(registry.post(bearer(ADMIN), RegistryClient.decision(id, someChange, "approve"), ""), 422,
                "changeId");
        assertProblem(registry.post(bearer(ADMIN), RegistryClient.decision(id, "not-a-change", "approve"), ""), 400,
                "changeId");
        assertProblem(registry.post(bearer(ADMIN), RegistryClient.decision("not-a-worker", someChange, "reject"),
                "{\"reason\":\"нет\"}"), 400, "workerId");
        // The old route that named the change alone is gone.
        assertProblem(registry.post(bearer(ADMIN), "/api/registry/moderation/" + someChange + "/approve", ""), 404,
                null);
        assertProblem(registry.get(bearer(ADMIN), "/api/registry/moderation/queue?size=1000"), 400, "size");
        assertProblem(registry.get(bearer(worker), changes + "?status=SOMETIME"), 400, "status");
    }

    @Test
    void theQueueListsPendingChangesOldestFirstInPages() throws Exception {
        String id = registry.registerWorker("Смирнова", randomSnils());
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        registry.post(confirmed(worker), "/api/registry/workers/" + id + "/changes", ACCREDITATION);
        registry.post(confirmed(worker), "/api/registry/workers/" + id + "/changes", CERTIFICATE);
        registry.awaitJson(bearer(worker), "/api/registry/workers/" + id + "/changes?status=PENDING",
                n -> n.size() == 2);

        JsonNode first = JSON.readTree(registry.get(bearer(ADMIN), "/api/registry/moderation/queue?page=0&size=1")
                .body());
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode all = JSON.readTree(registry.get(bearer(ADMIN), "/api/registry/moderation/queue?size=100").body());
        List<String> submittedAt = all.get("items").findValuesAsText("submittedAt");
        assertThat(submittedAt).isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
        assertThat(all.get("items").get(0).get("changeId").asText())
                .isEqualTo(first.get("items").get(0).get("changeId").asText());
    }

    private long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }
}
