package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ACCREDITATION;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.CERTIFICATE;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * The operator endpoints of the kit as the registry serves them: read models built from the events, then damaged,
 * are rebuilt identically by a replay (also when replayed twice in a row); the Kafka relay is never replayed; only
 * registry administrators get in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionReplayIT {

    private static final String DB = "registry_replay_it";
    private static final String OPS = "/api/registry/ops/projections";
    /** Each Mongo-backed projection of the registry and the collection it owns. */
    private static final Map<String, String> READ_MODELS = Map.of(
            "worker-view", "worker_views",
            "profile-changes", "profile_changes",
            "change-journal", "change_journal",
            "practitioner-history", "practitioner_history");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private RegistryClient registry;
    private final Map<String, List<Document>> built = new LinkedHashMap<>();

    @BeforeAll
    void buildReadModels() throws Exception {
        registry = new RegistryClient(port);
        String first = registry.registerWorker("Смирнова", randomSnils());
        String second = registry.registerWorker("Кузнецова", randomSnils());
        registry.approve(first, registry.submit(first, ACCREDITATION));
        registry.reject(first, registry.submit(first, CERTIFICATE));
        registry.approve(second, registry.submit(second, CERTIFICATE));
        registry.submit(second, ACCREDITATION);

        await().atMost(Duration.ofSeconds(30)).until(() -> count("change_journal") == 7
                && count("profile_changes") == 4 && count("worker_views") == 2 && count("practitioner_history") == 4
                && mongo.getCollection("worker_views").countDocuments(Filters.exists("entries")) == 2);
        READ_MODELS.values().forEach(collection -> built.put(collection, documents(collection)));
    }

    @Test
    void damagedReadModelsAreRebuiltIdenticallyByAReplayEvenWhenReplayedTwiceInARow() throws Exception {
        mongo.getCollection("worker_views").deleteMany(Filters.empty());
        mongo.getCollection("profile_changes").updateMany(Filters.empty(), Updates.set("status", "PENDING"));
        mongo.getCollection("change_journal").deleteOne(Filters.eq("action", "APPROVED"));
        mongo.getCollection("practitioner_history").updateMany(Filters.empty(), Updates.set("lastName", "Подмена"));
        READ_MODELS.values().forEach(collection -> assertThat(documents(collection)).isNotEqualTo(built.get(collection)));

        for (String processor : READ_MODELS.keySet()) {
            for (int time = 1; time <= 2; time++) {
                HttpResponse<String> replay = registry.post(bearer(ADMIN), OPS + "/" + processor + "/replay", "");
                assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
                assertThat(JSON.readTree(replay.body()).get("name").asText()).isEqualTo(processor);
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String processor : READ_MODELS.keySet()) {
                JsonNode status = processor(processor);
                assertThat(status.get("caughtUp").asBoolean()).as("rebuilt: %s", status).isTrue();
            }
        });
        READ_MODELS.values().forEach(
                collection -> assertThat(documents(collection)).as(collection).isEqualTo(built.get(collection)));
    }

    @Test
    void thePublicRegisterIndexIsRebuiltByAReplay() throws Exception {
        String search = "/api/registry/public/workers?q=%D0%BA%D1%83%D0%B7%D0%BD%D0%B5%D1%86%D0%BE%D0%B2%D0%B0";

        HttpResponse<String> replay = registry.post(bearer(ADMIN), OPS + "/public-register/replay", "");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> found = registry.anonymousGet(search);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            JsonNode items = JSON.readTree(found.body()).get("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).findValuesAsText("code")).contains("31.08.36");
        });
    }

    @Test
    void theListTellsEachProcessorsStateAndWhetherItMayBeReplayed() throws Exception {
        JsonNode list = processors();

        Map<String, JsonNode> byName = new LinkedHashMap<>();
        list.forEach(processor -> byName.put(processor.get("name").asText(), processor));
        assertThat(byName).containsKeys("worker-view", "profile-changes", "change-journal", "public-register",
                "practitioner-history", "kafka-relay");
        for (String name : List.of("worker-view", "profile-changes", "change-journal", "public-register",
                "practitioner-history")) {
            assertThat(byName.get(name).get("replayable").asBoolean()).as(name).isTrue();
            assertThat(byName.get(name).get("running").asBoolean()).as(name).isTrue();
        }
        JsonNode relay = byName.get("kafka-relay");
        assertThat(relay.get("replayable").asBoolean()).isFalse();
        assertThat(relay.get("notReplayable").asText()).contains("kafka-relay", "Kafka");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode segments = processor("worker-view").get("segments");
            assertThat(segments).as("the segments this instance holds").hasSize(1);
            assertThat(segments.get(0).get("segment").asInt()).isZero();
            assertThat(segments.get(0).get("position").isNull()).as("time of the last event processed").isFalse();
        });
    }

    @Test
    void theKafkaRelayIsNeverReplayedAndUnknownOrMalformedNamesAreRefused() throws Exception {
        JsonNode refused = assertProblem(registry.post(bearer(ADMIN), OPS + "/kafka-relay/replay", ""), 409, "name");
        assertThat(refused.get("detail").asText()).contains("kafka-relay");
        assertThat(refused.get("type").asText()).endsWith("/conflict");

        assertProblem(registry.post(bearer(ADMIN), OPS + "/no-such-projection/replay", ""), 404, null);
        assertProblem(registry.post(bearer(ADMIN), OPS + "/bad%20name/replay", ""), 400, "name");
        JsonNode relay = processor("kafka-relay");
        assertThat(relay.get("running").asBoolean()).as("the refusal leaves the relay running").isTrue();
    }

    @Test
    void onlyRegistryAdministratorsReachTheOperatorEndpoints() throws Exception {
        for (TestToken caller : List.of(TestToken.worker("8c1f2c4e-1111-3a2b-9c3d-000000000001"),
                TestToken.withRoles("SUPERVISOR"), TestToken.withRoles("AUDITOR"))) {
            assertProblem(registry.get(bearer(caller), OPS), 403, null);
            assertProblem(registry.post(bearer(caller), OPS + "/worker-view/replay", ""), 403, null);
        }
        assertProblem(registry.get(null, OPS), 401, null);
        assertProblem(registry.post(null, OPS + "/worker-view/replay", ""), 401, null);
    }

    private JsonNode processors() throws Exception {
        HttpResponse<String> list = registry.get(bearer(ADMIN), OPS);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JSON.readTree(list.body());
    }

    private JsonNode processor(String name) throws Exception {
        for (JsonNode processor : processors()) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in the list");
    }

    private long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    private List<Document> documents(String collection) {
        return mongo.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
