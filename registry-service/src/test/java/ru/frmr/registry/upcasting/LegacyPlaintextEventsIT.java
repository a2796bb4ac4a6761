package ru.frmr.registry.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.confirmed;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.registry.web.RegistryClient;

/**
 * A development database from before personal data were sealed: its revision-1 events, as that version stored
 * them, are in the event store when the service starts. Through the upcaster chain of the kit's event store the
 * view is built, the cabinet shows the plain legacy values, and the record takes new, sealed contacts and an
 * erasure. (Without the upcaster the revision-2 reader finds no {@code personalData}: the view misses the
 * registration and this test fails.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegacyPlaintextEventsIT {

    private static final String DB = "registry_legacy_events_it";
    /** The worker of the fixture: Иванова, СНИЛС 112-233-445 95, id derived with the development key. */
    private static final String WORKER_ID = "ee29105b-0bd8-32e0-9e1c-bce1819fe84d";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
    }

    /** Before the application context (and its tracking processors) exists, as after an upgrade. */
    @BeforeAll
    static void storeRevisionOneEvents() throws Exception {
        try (InputStream in = LegacyPlaintextEventsIT.class.getResourceAsStream(
                "/upcasting/legacy-worker-stream.rev1.stored.json");
             MongoClient client = MongoClients.create(SharedTestInfra.get().mongoUri(DB))) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Document> stream = Document.parse("{\"stream\": " + json + "}").getList("stream", Document.class);
            // JSON has no 64-bit integer: the event store keeps sequence numbers as longs.
            stream.forEach(event -> event.put("sequenceNumber", event.getInteger("sequenceNumber").longValue()));
            client.getDatabase(DB).getCollection("domainevents").insertMany(stream);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private RegistryClient registry;

    @BeforeEach
    void connect() {
        registry = new RegistryClient(port);
    }

    @Test
    void legacyEventsAreReadAndTheRecordGoesOnWithSealedData() throws Exception {
        TestToken worker = TestToken.worker(WORKER_ID).validFor(Duration.ofHours(1));
        String path = "/api/registry/workers/" + WORKER_ID;

        JsonNode legacy = registry.awaitJson(bearer(worker), path, n -> n.get("version").asLong() == 1);
        assertThat(legacy.get("lastName").asText()).isEqualTo("Иванова");
        assertThat(legacy.get("snils").asText()).isEqualTo("112-233-445 95");
        assertThat(legacy.get("email").asText()).isEqualTo("ivanova@clinic.example.ru");
        assertThat(legacy.get("mobile").asText()).isEqualTo("+79991234567");
        assertThat(legacy.get("inn").isNull()).isTrue();
        assertThat(legacy.get("personalDataErased").asBoolean()).isFalse();

        // The aggregate compares against the legacy plain contacts: the same ones are no change.
        assertThat(registry.put(confirmed(worker), path + "/contacts",
                "{\"email\":\"ivanova@clinic.example.ru\",\"mobile\":\"+79991234567\"}").statusCode())
                .isEqualTo(204);
        assertThat(events()).isEqualTo(2);

        HttpResponse<String> updated = registry.put(confirmed(worker), path + "/contacts",
                "{\"email\":\"ivanova@new.example.ru\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        JsonNode after = registry.awaitJson(bearer(worker), path, n -> n.get("version").asLong() == 2);
        assertThat(after.get("email").asText()).isEqualTo("ivanova@new.example.ru");
        assertThat(after.get("snils").asText()).isEqualTo("112-233-445 95");
        Document stored = mongo.getCollection("domainevents").find(new Document("aggregateIdentifier", WORKER_ID)
                .append("sequenceNumber", 2)).first();
        assertThat(stored.getString("serializedPayload")).doesNotContain("ivanova@new.example.ru")
                .contains(PersonalDataCipher.TOKEN_PREFIX);

        HttpResponse<String> erased = registry.delete(bearer(ADMIN), path + "/personal-data",
                "{\"reason\":\"Заявление работника\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        JsonNode gone = registry.awaitJson(bearer(worker), path, n -> n.get("personalDataErased").asBoolean());
        assertThat(gone.get("snils").isNull()).isTrue();
        assertThat(gone.get("email").isNull()).isTrue();
        // The view drops even the legacy plain values once it has the erasure (the cabinet may say "erased"
        // sooner: the key decides); the revision-1 events keep theirs: there is no key to shred for them.
        Document view = await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("worker_views")
                .find(new Document("_id", WORKER_ID)).first(), v -> Boolean.TRUE.equals(v.get("personalDataErased")));
        assertThat(view.toJson()).doesNotContain("11223344595").doesNotContain("112-233-445 95").doesNotContain("@");
    }

    private long events() {
        return mongo.getCollection("domainevents").countDocuments(new Document("aggregateIdentifier", WORKER_ID));
    }
}
