package ru.frmr.registry.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.identity.WorkerIds;
import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.command.EsiaPersonalData;
import ru.frmr.registry.command.WorkerRegistration;
import ru.frmr.registry.query.WorkerView;

/**
 * Issue item 8 against the real Mongo wire server and Kafka broker, with the kit's AES-GCM cipher: a worker
 * provisioned from ESIA has no personal value in plain text anywhere in the database; after an administrator
 * erases their personal data, the stored tokens no longer open, the cabinet says so, and the record (its
 * stream, commands, public register and a projection replay) goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataProtectionIT {

    private static final String DB = "registry_personal_data_it";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final TestToken ADMIN = TestToken.withRoles("REGISTRY_ADMIN").validFor(Duration.ofHours(1));
    private static final String INN = "770223456707";
    private static final IdentityDocument PASSPORT = new IdentityDocument(IdentityDocument.RF_PASSPORT, "4524",
            "723456", LocalDate.of(2024, 2, 10), "ГУ МВД России по г. Москве", "770-002");
    private static final String EMAIL = "shredova@frmr.test";
    private static final String MOBILE = "+79990000042";
    private static final String ACCREDITATION = """
            {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
             "protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}""";
    /** Tokens and wrapped keys are random characters that could spell anything: they are cut out before looking. */
    private static final String CIPHERTEXT = "pd1:\\d+:[A-Za-z0-9_-]+|\"base64\": \"[A-Za-z0-9+/=]*\"";

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

    @Autowired
    WorkerIds workerIds;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    WorkerRegistration registration;

    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void subscribe() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-personal-data-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.REGISTRY_EVENTS, Topics.PUBLIC_EVENTS));
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    @Test
    void personalDataAreSealedEverywhereAndErasureShredsThemWhileTheRecordGoesOn() throws Exception {
        String snils = randomSnils();
        String snilsFormatted = snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9)
                + " " + snils.substring(9);
        String id = provisionFromEsia(snils);
        TestToken worker = TestToken.worker(id).validFor(Duration.ofHours(1));
        List<String> plainValues = List.of(snils, snilsFormatted, INN, EMAIL, MOBILE, "\"4524\"", "\"723456\"",
                "4524 723456", "\"770-002\"", "ГУ МВД");

        // The owner's cabinet shows everything ESIA said, opened.
        JsonNode profile = awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> true);
        assertThat(profile.get("snils").asText()).isEqualTo(snilsFormatted);
        assertThat(profile.get("inn").asText()).isEqualTo(INN);
        assertThat(profile.get("email").asText()).isEqualTo(EMAIL);
        assertThat(profile.get("mobile").asText()).isEqualTo(MOBILE);
        assertThat(profile.get("gender").asText()).isEqualTo("F");
        assertThat(profile.get("citizenship").asText()).isEqualTo("RUS");
        JsonNode document = profile.get("identityDocument");
        assertThat(document.get("type").asText()).isEqualTo("RF_PASSPORT");
        assertThat(document.get("series").asText()).isEqualTo("4524");
        assertThat(document.get("number").asText()).isEqualTo("723456");
        assertThat(document.get("issueDate").asText()).isEqualTo("2024-02-10");
        assertThat(document.get("issuerCode").asText()).isEqualTo("770-002");
        assertThat(profile.get("personalDataErased").asBoolean()).isFalse();

        // At rest, nothing of it is in plain text: not in the event store, not in any read model.
        Document registered = storedEvent(id, "WorkerRegisteredEvent");
        assertThat(registered.getString("payloadRevision")).isEqualTo("2");
        JsonNode payload = JSON.readTree(registered.getString("serializedPayload"));
        assertThat(payload.at("/personalData/snils").asText()).startsWith(PersonalDataCipher.TOKEN_PREFIX);
        assertThat(payload.at("/personalData/identityDocument/number").asText())
                .startsWith(PersonalDataCipher.TOKEN_PREFIX);
        assertThat(mongo.findById(id, WorkerView.class).email()).startsWith(PersonalDataCipher.TOKEN_PREFIX);
        assertNoneInPlainText(plainValues);

        // Only an administrator erases, and only with a reason that quotes no personal data.
        String path = "/api/registry/workers/" + id + "/personal-data";
        assertProblem(delete(bearer(worker), path, reason("Прошу удалить")), 403, null);
        assertProblem(delete(bearer(ADMIN), path, "{\"reason\":\" \"}"), 400, "reason");
        assertProblem(delete(bearer(ADMIN), path, reason("СНИЛС " + snilsFormatted)), 422, "reason");
        assertProblem(delete(bearer(ADMIN), "/api/registry/workers/" + UUID.randomUUID() + "/personal-data",
                reason("Заявление работника")), 404, null);
        assertThat(storedEvent(id, "PersonalDataErasedEvent")).isNull();

        HttpResponse<String> erased = delete(bearer(ADMIN), path, reason("Заявление работника от 25.11.2026"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        assertThat(delete(bearer(ADMIN), path, reason("Повторное распоряжение")).statusCode()).isEqualTo(204);

        // The cabinet answers, with the personal fields erased and saying so; the name stays.
        JsonNode after = awaitJson(bearer(worker), "/api/registry/workers/" + id,
                n -> n.get("personalDataErased").asBoolean());
        for (String field : List.of("snils", "inn", "email", "mobile", "identityDocument")) {
            assertThat(after.get(field).isNull()).as(field).isTrue();
        }
        assertThat(after.get("lastName").asText()).isEqualTo("Шредова");

        // What was sealed stays in the stream but no longer opens: the key is gone, a tombstone remains.
        assertThat(cipher.decrypt(id, payload.at("/personalData/snils").asText())).isEmpty();
        assertThat(cipher.decrypt(id, payload.at("/personalData/email").asText())).isEmpty();
        Document key = mongo.getCollection("personal_data_keys").find(new Document("_id", id)).first();
        assertThat(key).isNotNull();
        assertThat(key.containsKey("wrappedKey")).isFalse();
        Document erasure = storedEvent(id, "PersonalDataErasedEvent");
        assertThat(erasure.getString("serializedPayload")).contains("Заявление работника")
                .contains("account:" + ADMIN.subject());
        assertThat(mongo.getCollection("domainevents").countDocuments(new Document("aggregateIdentifier", id)))
                .as("one erasure event despite the repeat").isEqualTo(2);

        // The rest of the platform hears of it by id only.
        CloudEvent announced = awaitEvent(id, EventTypes.PERSONAL_DATA_ERASED);
        assertThat(ContractSchemas.violations(announced.getType(), announced.getData().toBytes())).isEmpty();
        assertThat(new String(announced.getData().toBytes())).doesNotContain("Заявление").doesNotContain(snils);

        // The record goes on: the aggregate loads and takes commands, the public register finds the worker.
        HttpResponse<String> submitted = post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                ACCREDITATION);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String changeId = JSON.readTree(submitted.body()).get("changeId").asText();
        awaitJson(bearer(ADMIN), "/api/registry/moderation/queue?size=100",
                n -> n.get("items").findValuesAsText("changeId").contains(changeId));
        HttpResponse<String> approved = post(bearer(ADMIN), "/api/registry/moderation/" + changeId + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> n.get("entries").size() == 1);
        assertProblem(put(bearer(worker), "/api/registry/workers/" + id + "/contacts",
                "{\"email\":\"new@example.ru\"}"), 422, "email");
        JsonNode found = awaitJson(null, "/api/registry/public/workers?q=%D1%88%D1%80%D0%B5%D0%B4%D0%BE%D0%B2%D0%B0",
                n -> n.get("items").size() == 1);
        assertThat(found.get("items").get(0).get("lastName").asText()).isEqualTo("Шредова");

        // A replay of the worker view from scratch rebuilds the erased view without a failure.
        mongo.getCollection(WorkerView.COLLECTION).deleteOne(new Document("_id", id));
        StreamingEventProcessor view = processing.eventProcessor("worker-view", StreamingEventProcessor.class)
                .orElseThrow();
        view.shutDown();
        view.resetTokens();
        view.start();
        JsonNode replayed = awaitJson(bearer(worker), "/api/registry/workers/" + id,
                n -> n.get("personalDataErased").asBoolean() && n.get("entries").size() == 1);
        assertThat(replayed.get("snils").isNull()).isTrue();
        assertThat(replayed.get("lastName").asText()).isEqualTo("Шредова");
        // The cabinet would say "erased" from the missing key alone: the rebuilt view itself must say it too.
        WorkerView rebuilt = await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(id, WorkerView.class),
                v -> v != null && Boolean.TRUE.equals(v.personalDataErased()));
        assertThat(rebuilt.snils()).isNull();
        assertThat(rebuilt.email()).isNull();
        assertThat(rebuilt.entries()).hasSize(1);
        assertThat(view.processingStatus().values()).noneMatch(status -> status.isErrorState());
        assertNoneInPlainText(plainValues);
    }

    /**
     * A first ESIA login, as the provisioning consumer hands it over (the Kafka leg is AccountProvisioningIT's:
     * other test contexts of this JVM share the consumer group, so a message here could land in their database).
     */
    private String provisionFromEsia(String snils) {
        String id = workerIds.idFor(snils);
        registration.provision(id, "Шредова", "Ольга", "Игоревна", LocalDate.of(1979, 2, 3), snils, EMAIL, MOBILE,
                new EsiaPersonalData("F", "RUS", INN, PASSPORT));
        return id;
    }

    /** Every document of every collection of the service's database, with the ciphertext cut out. */
    private void assertNoneInPlainText(List<String> plainValues) {
        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                String json = doc.toJson().replaceAll(CIPHERTEXT, "");
                for (String plain : plainValues) {
                    assertThat(json).as("%s in %s", plain, collection).doesNotContain(plain);
                }
            }
        }
    }

    private Document storedEvent(String aggregateId, String simpleType) {
        return mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", aggregateId)
                .append("payloadType", "ru.frmr.registry.api." + simpleType)).first();
    }

    private static String reason(String text) throws Exception {
        return JSON.writeValueAsString(Map.of("reason", text));
    }

    /** A СНИЛС with a correct checksum, random enough not to clash with other tests' registrations. */
    private static String randomSnils() {
        String digits = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int checksum = sum < 100 ? sum : (sum % 101) % 100;
        return digits + String.format("%02d", checksum);
    }

    private JsonNode awaitJson(String authorization, String path, Predicate<JsonNode> ready) {
        JsonNode[] holder = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
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

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        if (field != null) {
            List<String> fields = new ArrayList<>();
            JSON.readTree(response.body()).path("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(response.body()).contains(field);
        }
    }

    private static String bearer(TestToken token) {
        return "Bearer " + ISSUER.mint(token);
    }

    /** A token as auth-service issues it right after the worker confirmed a step-up one-time code. */
    private static String confirmed(TestToken token) {
        return "Bearer " + ISSUER.mint(token, Map.of("step_up", Instant.now().getEpochSecond()));
    }

    private HttpRequest.Builder request(String authorization, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private HttpResponse<String> get(String authorization, String path) throws Exception {
        return HTTP.send(request(authorization, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String authorization, String path, String json) throws Exception {
        return HTTP.send(request(authorization, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String authorization, String path, String json) throws Exception {
        return HTTP.send(request(authorization, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String authorization, String path, String json) throws Exception {
        return HTTP.send(request(authorization, path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
