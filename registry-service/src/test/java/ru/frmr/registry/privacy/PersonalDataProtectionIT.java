package ru.frmr.registry.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.consumer.KafkaTestEvents.awaitEvent;
import static ru.frmr.registry.web.RegistryClient.ACCREDITATION;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.confirmed;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.command.EsiaPersonalData;
import ru.frmr.registry.command.WorkerRegistration;
import ru.frmr.registry.consumer.KafkaTestEvents;
import ru.frmr.registry.query.WorkerView;
import ru.frmr.registry.web.RegistryClient;

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
    private static final String INN = "770223456707";
    private static final IdentityDocument PASSPORT = new IdentityDocument(IdentityDocument.RF_PASSPORT, "4524",
            "723456", LocalDate.of(2024, 2, 10), "ГУ МВД России по г. Москве", "770-002");
    private static final String EMAIL = "shredova@frmr.test";
    private static final String MOBILE = "+79990000042";
    /** Tokens and wrapped keys are random characters that could spell anything: they are cut out before looking. */
    private static final String CIPHERTEXT = "pd1:\\d+:[A-Za-z0-9_-]+|\"base64\": \"[A-Za-z0-9+/=]*\"";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;


    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    WorkerRegistration registration;

    private RegistryClient registry;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void subscribe() {
        registry = new RegistryClient(port);
        consumer = KafkaTestEvents.subscribe("registry-personal-data-it-", Topics.REGISTRY_EVENTS,
                Topics.PUBLIC_EVENTS);
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
        JsonNode profile = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> true);
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
        assertProblem(registry.delete(bearer(worker), path, reason("Прошу удалить")), 403, null);
        assertProblem(registry.delete(bearer(ADMIN), path, "{\"reason\":\" \"}"), 400, "reason");
        assertProblem(registry.delete(bearer(ADMIN), path, reason("СНИЛС " + snilsFormatted)), 422, "reason");
        assertProblem(registry.delete(bearer(ADMIN), "/api/registry/workers/" + UUID.randomUUID() + "/personal-data",
                reason("Заявление работника")), 404, null);
        assertThat(storedEvent(id, "PersonalDataErasedEvent")).isNull();

        HttpResponse<String> erased = registry.delete(bearer(ADMIN), path,
                reason("Заявление работника от 25.11.2026"));
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        assertThat(registry.delete(bearer(ADMIN), path, reason("Повторное распоряжение")).statusCode())
                .isEqualTo(204);

        // The cabinet answers, with the personal fields erased and saying so; the name stays.
        JsonNode after = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id,
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
                .as("registered, account linked, one erasure event despite the repeat").isEqualTo(3);

        // The rest of the platform hears of it by id only.
        CloudEvent announced = awaitEvent(consumer, id, EventTypes.PERSONAL_DATA_ERASED);
        assertThat(ContractSchemas.violations(announced.getType(), announced.getData().toBytes())).isEmpty();
        assertThat(new String(announced.getData().toBytes())).doesNotContain("Заявление").doesNotContain(snils);

        // The record goes on: the aggregate loads and takes commands.
        HttpResponse<String> submitted = registry.post(confirmed(worker), "/api/registry/workers/" + id + "/changes",
                ACCREDITATION);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String changeId = JSON.readTree(submitted.body()).get("changeId").asText();
        registry.awaitJson(bearer(ADMIN), "/api/registry/moderation/queue?size=100",
                n -> n.get("items").findValuesAsText("changeId").contains(changeId));
        HttpResponse<String> approved = registry.post(bearer(ADMIN),
                RegistryClient.decision(id, changeId, "approve"), "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        registry.awaitJson(bearer(worker), "/api/registry/workers/" + id, n -> n.get("entries").size() == 1);
        assertProblem(registry.put(confirmed(worker), "/api/registry/workers/" + id + "/contacts",
                "{\"email\":\"new@example.ru\"}"), 422, "email");
        // An erased record never enters the public register, even with an approved licence, nor FHIR (never
        // listed there: 404).
        JsonNode found = JSON.readTree(registry.anonymousGet(
                "/api/registry/public/workers?q=%D1%88%D1%80%D0%B5%D0%B4%D0%BE%D0%B2%D0%B0").body());
        assertThat(found.get("items")).isEmpty();
        assertThat(registry.anonymousGet("/fhir/Practitioner/" + id).statusCode()).isEqualTo(404);

        // A replay of the worker view from scratch rebuilds the erased view without a failure.
        mongo.getCollection(WorkerView.COLLECTION).deleteOne(new Document("_id", id));
        StreamingEventProcessor view = processing.eventProcessor("worker-view", StreamingEventProcessor.class)
                .orElseThrow();
        view.shutDown();
        view.resetTokens();
        view.start();
        JsonNode replayed = registry.awaitJson(bearer(worker), "/api/registry/workers/" + id,
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
        return registration.provision(UUID.randomUUID().toString(), "Шредова", "Ольга", "Игоревна", LocalDate.of(1979, 2, 3), snils, EMAIL, MOBILE,
                new EsiaPersonalData("F", "RUS", INN, PASSPORT));
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
}
