package ru.frmr.audit;

import java.net.URI;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.frmr.kit.openapi.OpenApiCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.audit.ledger.Ledger;
import ru.frmr.audit.ledger.Sha256;
import ru.frmr.audit.verifier.Checkpoint;
import ru.frmr.audit.verifier.Proofs;
import ru.frmr.audit.verifier.SignedNote;
import ru.frmr.audit.verifier.TreeHash;
import ru.frmr.audit.verifier.VerifierKey;
import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.access.AccessActor;
import ru.frmr.contracts.access.AccessedData;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseKind;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.BadToken;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * The service end to end on a real Kafka broker and the Mongo wire server: CloudEvents in, ledger entries
 * out through the REST API, read with an auditor's access token from a test issuer. Each test works on its
 * own subject, so the tests share the ledger but not data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The Prometheus registry, as the service has it outside tests (Spring Boot's tests leave metrics export off).
@AutoConfigureObservability(tracing = false)
class AuditServiceIT {

    private static final String DATABASE = "audit_service_it";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final TestToken AUDITOR = TestToken.withRoles("AUDITOR").validFor(Duration.ofHours(1));

    private static KafkaProducer<String, byte[]> producer;
    private static MongoClient mongo;

    @Autowired
    private TestRestTemplate rest;

    @LocalServerPort
    private int port;

    @Autowired
    private PrometheusMeterRegistry prometheus;

    @DynamicPropertySource
    static void sharedInfra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri(DATABASE));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
        // Checkpoints often, so the tests see them within a second or two.
        registry.add("frmr.audit.checkpoints.every-entries", () -> "3");
        registry.add("frmr.audit.checkpoints.every", () -> "1s");
        registry.add("frmr.audit.checkpoints.sweep-interval", () -> "200ms");
        // The per-address rule as low as the per-account one, so one burst drives both.
        registry.add("frmr.audit.alerts.rules.FAILED_LOGINS_PER_ADDRESS.count", () -> "5");
        registry.add("frmr.audit.alerts.rules.FAILED_LOGINS_PER_ADDRESS.window", () -> "PT15M");
    }

    @BeforeAll
    static void clients() {
        SharedTestInfra infra = SharedTestInfra.get();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        mongo = MongoClients.create(infra.mongoUri(DATABASE));
    }

    @AfterAll
    static void closeClients() {
        producer.close();
        mongo.close();
    }

    @Test
    void eventsAppearInTheOrderTheyWerePublished() {
        String worker = newSubject();
        List<CloudEvent> events = List.of(profileUpdated(worker, 1), profileUpdated(worker, 2),
                profileUpdated(worker, 3));
        events.forEach(e -> publish(Topics.REGISTRY_EVENTS, e));

        JsonNode items = awaitItems("subject=" + worker, 3);

        assertThat(texts(items, "eventId")).containsExactlyElementsOf(events.stream().map(CloudEvent::getId).toList());
        List<Long> sequences = StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.get("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        JsonNode first = items.get(0);
        assertThat(first.get("type").asText()).isEqualTo("ru.frmr.registry.ProfileUpdated.v1");
        assertThat(first.get("source").asText()).isEqualTo(EventSources.REGISTRY.toString());
        assertThat(first.get("subject").asText()).isEqualTo(worker);
        assertThat(first.get("time").asText()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(first.get("actor").asText()).isEqualTo("actor-" + worker);
        assertThat(first.get("topic").asText()).isEqualTo(Topics.REGISTRY_EVENTS);
        assertThat(first.get("payloadDigest").asText()).isEqualTo(Sha256.hex(events.get(0).getData().toBytes()));
        assertThat(first.get("hash").asText()).hasSize(64);
        assertThat(items.get(1).get("previousHash").asText()).hasSize(64);
        assertThat(first.get("recordedAt").asText()).isNotBlank();
    }

    @Test
    void anEventDeliveredTwiceAndOnTwoTopicsIsAppendedOnce() {
        String worker = newSubject();
        CloudEvent publicEvent = profileUpdated(worker, 1);
        publish(Topics.REGISTRY_EVENTS, publicEvent);
        publish(Topics.REGISTRY_EVENTS, publicEvent);
        publish(Topics.PUBLIC_EVENTS, publicEvent);
        // Same key, so each marker sits behind the duplicates on its partition: once both are in, so are those.
        CloudEvent registryMarker = profileUpdated(worker, 2);
        CloudEvent publicMarker = profileUpdated(worker, 3);
        publish(Topics.REGISTRY_EVENTS, registryMarker);
        publish(Topics.PUBLIC_EVENTS, publicMarker);

        JsonNode items = awaitItems("subject=" + worker, 3);

        assertThat(texts(items, "eventId")).containsExactlyInAnyOrder(publicEvent.getId(), registryMarker.getId(),
                publicMarker.getId());
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLetteredWithoutBlockingTheNextOnes() {
        String worker = newSubject();
        producer.send(new ProducerRecord<>(Topics.EMPLOYER_EVENTS, worker,
                "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        CloudEvent next = profileUpdated(worker, 1);
        publish(Topics.EMPLOYER_EVENTS, next);

        JsonNode items = awaitItems("subject=" + worker, 1);
        assertThat(items.get(0).get("eventId").asText()).isEqualTo(next.getId());

        try (KafkaConsumer<String, byte[]> dlt = deadLetterReader(Topics.deadLetterOf(Topics.EMPLOYER_EVENTS))) {
            List<String> keys = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                assertThat(keys).contains(worker);
            });
        }
    }

    @Test
    void filtersByTypeAndEventTimeAndPages() {
        String worker = newSubject();
        for (int n = 1; n <= 5; n++) {
            publish(Topics.REGISTRY_EVENTS, n % 2 == 0 ? licenseExpired(worker, n) : profileUpdated(worker, n));
        }
        JsonNode all = awaitItems("subject=" + worker, 5);

        JsonNode licences = get("/api/audit/entries?subject={s}&type={t}", worker,
                "ru.frmr.registry.LicenseExpired.v1").getBody();
        assertThat(licences.get("totalItems").asLong()).isEqualTo(2);
        assertThat(texts(licences.get("items"), "eventId"))
                .containsExactly(all.get(1).get("eventId").asText(), all.get(3).get("eventId").asText());

        JsonNode window = get("/api/audit/entries?subject={s}&from={f}&to={t}", worker, T0.plusSeconds(2),
                T0.plusSeconds(4)).getBody();
        assertThat(texts(window.get("items"), "time"))
                .containsExactly(T0.plusSeconds(2).toString(), T0.plusSeconds(3).toString());

        JsonNode secondPage = get("/api/audit/entries?subject={s}&type=&page=1&size=2", worker).getBody();
        assertThat(secondPage.get("page").asInt()).isEqualTo(1);
        assertThat(secondPage.get("size").asInt()).isEqualTo(2);
        assertThat(secondPage.get("totalItems").asLong()).isEqualTo(5);
        assertThat(texts(secondPage.get("items"), "eventId"))
                .containsExactly(all.get(2).get("eventId").asText(), all.get(3).get("eventId").asText());
    }

    @Test
    void oneEntryBySequence() {
        String worker = newSubject();
        publish(Topics.AUTH_EVENTS, profileUpdated(worker, 1));
        JsonNode listed = awaitItems("subject=" + worker, 1).get(0);

        ResponseEntity<JsonNode> single = get("/api/audit/entries/{n}", listed.get("sequence").asLong());

        assertThat(single.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(single.getBody()).isEqualTo(listed);
    }

    @Test
    void missingEntryIsANotFoundProblem() {
        ResponseEntity<JsonNode> response = get("/api/audit/entries/{n}", Long.MAX_VALUE);

        assertProblem(response, HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://frmr.ru/problems/not-found");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        assertProblem(get("/api/audit/nothing-here"), HttpStatus.NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({
            "size=0, size",
            "size=1000, size",
            "size=many, size",
            "page=-1, page",
            "page=first, page",
            "from=yesterday, from",
            "to=2025-13-01T00:00:00Z, to"})
    void invalidQueryParameterIsAValidationProblemNamingIt(String query, String parameter) {
        ResponseEntity<JsonNode> response = get("/api/audit/entries?" + query);

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://frmr.ru/problems/validation");
        assertThat(texts(response.getBody().get("errors"), "field")).containsExactly(parameter);
    }

    @Test
    void nonNumericSequenceIsAValidationProblemNamingIt() {
        ResponseEntity<JsonNode> response = get("/api/audit/entries/latest");

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(texts(response.getBody().get("errors"), "field")).containsExactly("sequence");
    }

    @Test
    void verificationFindsAnEntryEditedInTheDatabase() {
        String worker = newSubject();
        publish(Topics.DOCUMENTS_EVENTS, profileUpdated(worker, 1));
        publish(Topics.DOCUMENTS_EVENTS, profileUpdated(worker, 2));
        long target = awaitItems("subject=" + worker, 2).get(0).get("sequence").asLong();

        JsonNode before = get("/api/audit/verify").getBody();
        assertThat(before.get("intact").asBoolean()).isTrue();
        assertThat(before.get("entries").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(before.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(before.get("reason").isNull()).isTrue();

        MongoCollection<Document> ledger = mongo.getDatabase(DATABASE).getCollection(Ledger.COLLECTION);
        ledger.updateOne(Filters.eq("sequence", target), Updates.set("subject", "someone-else"));
        try {
            JsonNode after = get("/api/audit/verify").getBody();
            assertThat(after.get("intact").asBoolean()).isFalse();
            assertThat(after.get("firstBrokenSequence").asLong()).isEqualTo(target);
            assertThat(after.get("reason").asText()).isEqualTo("hash mismatch");
            assertThat(after.get("entries").asLong()).isEqualTo(target);
        } finally {
            // Puts the ledger back so that the other tests, which share it, see an intact chain.
            ledger.updateOne(Filters.eq("sequence", target), Updates.set("subject", worker));
        }
        assertThat(get("/api/audit/verify").getBody().get("intact").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUDITOR", "SUPERVISOR", "REGISTRY_ADMIN"})
    void auditorsSupervisorsAndAdministratorsReadTheLedger(String role) {
        assertThat(get(TestToken.withRoles(role), "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WORKER", "EMPLOYER_HR"})
    void othersAreForbidden(String role) {
        ResponseEntity<JsonNode> response = get(TestToken.withRoles(role), "/api/audit/entries");

        assertProblem(response, HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://frmr.ru/problems/forbidden");
    }

    @Test
    void withoutATokenTheLedgerIsAnUnauthorizedProblem() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/api/audit/entries", JsonNode.class);

        assertProblem(response, HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://frmr.ru/problems/unauthorized");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void everyKindOfBadTokenIsUnauthorized(BadToken kind) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ISSUER.mint(kind, AUDITOR));
        ResponseEntity<JsonNode> response = rest.exchange("/api/audit/verify", HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);

        assertProblem(response, HttpStatus.UNAUTHORIZED);
    }

    // ---- the verifiable log: checkpoints, proofs, the verifier, tampering ([checkpoints: H4]) ----

    @Test
    void theLatestCheckpointIsPublicSignedAndCoversNewEntriesWithProofs() {
        String worker = newSubject();
        publish(Topics.REGISTRY_EVENTS, profileUpdated(worker, 1));
        long sequence = awaitItems("subject=" + worker, 1).get(0).get("sequence").asLong();
        Checkpoint checkpoint = awaitCheckpointCovering(sequence);
        VerifierKey key = VerifierKey.parse(publicText("/api/audit/public/verifier-key").getBody());

        ResponseEntity<String> served = publicText("/api/audit/public/checkpoint");
        assertThat(served.getHeaders().getContentType().toString()).isEqualTo("text/plain;charset=UTF-8");
        SignedNote note = SignedNote.parse(served.getBody());
        assertThat(note.verifiedBy(key)).isTrue();
        assertThat(key.name()).isEqualTo("frmr.ru/audit/v1");
        assertThat(Checkpoint.parse(note.text()).origin()).isEqualTo("frmr.ru/audit/v1");

        JsonNode leaf = get("/api/audit/entries/{n}/leaf", sequence).getBody();
        assertThat(leaf.get("leafIndex").asLong()).isEqualTo(sequence - 1);
        byte[] leafHash = TreeHash.leaf(Base64.getDecoder().decode(leaf.get("leaf").asText()));
        assertThat(Base64.getEncoder().encodeToString(leafHash)).isEqualTo(leaf.get("leafHash").asText());
        JsonNode proof = publicJson("/api/audit/public/proofs/inclusion?index={i}&treeSize={n}", sequence - 1,
                checkpoint.treeSize()).getBody();
        assertThat(proof.get("leafHash").asText()).isEqualTo(leaf.get("leafHash").asText());
        assertThat(Proofs.verifyInclusion(sequence - 1, checkpoint.treeSize(), leafHash, hashes(proof),
                checkpoint.rootHash())).isTrue();

        JsonNode listed = publicJson("/api/audit/public/checkpoints?size=2").getBody();
        assertThat(listed.get("items").get(0).get("note").asText()).isNotBlank();
        JsonNode first = listed.get("items").get(listed.get("items").size() - 1);
        Checkpoint older = Checkpoint.parse(SignedNote.parse(first.get("note").asText()).text());
        JsonNode consistency = publicJson("/api/audit/public/proofs/consistency?from={m}&to={n}", older.treeSize(),
                checkpoint.treeSize()).getBody();
        assertThat(Proofs.verifyConsistency(older.treeSize(), checkpoint.treeSize(), older.rootHash(),
                checkpoint.rootHash(), hashes(consistency))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/audit/public/proofs/inclusion?index=5&treeSize=5, index",
            "/api/audit/public/proofs/inclusion?index=-1&treeSize=5, index",
            "/api/audit/public/proofs/inclusion?index=0&treeSize=0, treeSize",
            "/api/audit/public/proofs/inclusion?index=0&treeSize=999999999, treeSize",
            "/api/audit/public/proofs/inclusion?index=x&treeSize=5, index",
            "/api/audit/public/proofs/inclusion?treeSize=5, index",
            "/api/audit/public/proofs/consistency?from=0&to=5, from",
            "/api/audit/public/proofs/consistency?from=5&to=4, from",
            "/api/audit/public/proofs/consistency?from=1&to=999999999, to",
            "/api/audit/public/checkpoints?size=0, size"})
    void badProofParametersAreProblemsNamingThem(String uri, String field) {
        publish(Topics.REGISTRY_EVENTS, profileUpdated(newSubject(), 1));
        await().atMost(PATIENCE).until(() -> publicJson("/api/audit/public/checkpoints").getBody()
                .get("total").asLong() > 0 && currentCheckpoint().treeSize() >= 5);

        ResponseEntity<JsonNode> response = rest.getForEntity(uri, JsonNode.class);

        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(texts(response.getBody().get("errors"), "field")).containsExactly(field);
    }

    @Test
    void checkpointsArePublishedOnKafkaAsSignedNotes() {
        String worker = newSubject();
        publish(Topics.REGISTRY_EVENTS, profileUpdated(worker, 1));
        long sequence = awaitItems("subject=" + worker, 1).get(0).get("sequence").asLong();
        Checkpoint checkpoint = awaitCheckpointCovering(sequence);
        VerifierKey key = VerifierKey.parse(publicText("/api/audit/public/verifier-key").getBody());

        try (KafkaConsumer<String, byte[]> consumer = deadLetterReader(Topics.AUDIT_CHECKPOINTS)) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).anyMatch(r -> r.key().equals(Long.toString(checkpoint.treeSize())));
            });
            ConsumerRecord<String, byte[]> record = records.stream()
                    .filter(r -> r.key().equals(Long.toString(checkpoint.treeSize()))).findFirst().orElseThrow();
            SignedNote note = SignedNote.parse(new String(record.value(), StandardCharsets.UTF_8));
            assertThat(note.verifiedBy(key)).isTrue();
            assertThat(Checkpoint.parse(note.text()).rootHash()).isEqualTo(checkpoint.rootHash());
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("ru.frmr.audit.checkpoint");
        }
    }

    @Test
    void theVerifierJarChecksCheckpointsAndProofsTheServiceProduced(@TempDir Path dir) throws Exception {
        Path jar = verifierJar();
        String worker = newSubject();
        publish(Topics.REGISTRY_EVENTS, profileUpdated(worker, 1));
        long sequence = awaitItems("subject=" + worker, 1).get(0).get("sequence").asLong();
        Checkpoint old = awaitCheckpointCovering(sequence);
        Path oldFile = Files.writeString(dir.resolve("old.checkpoint"), currentNote());
        publish(Topics.REGISTRY_EVENTS, profileUpdated(worker, 2));
        awaitCheckpointCovering(old.treeSize() + 1);
        String key = publicText("/api/audit/public/verifier-key").getBody().trim();
        String base = "http://localhost:" + port + "/api/audit/public";
        Path leaf = Files.writeString(dir.resolve("leaf.json"),
                get("/api/audit/entries/{n}/leaf", sequence).getBody().toString());

        assertThat(runVerifier(jar, 0, "checkpoint", "--key", key, "--url", base)).contains("OK: checkpoint");
        assertThat(runVerifier(jar, 0, "inclusion", "--key", key, "--leaf", leaf.toString(), "--url", base))
                .contains("OK: leaf " + (sequence - 1) + " (sequence " + sequence + ") is included");
        assertThat(runVerifier(jar, 0, "consistency", "--key", key, "--old", oldFile.toString(), "--url", base))
                .contains("extends the tree of size " + old.treeSize());

        String forged = get("/api/audit/entries/{n}/leaf", sequence).getBody().toString()
                .replaceFirst("\"leaf\":\"Z", "\"leaf\":\"A");
        Path forgedLeaf = Files.writeString(dir.resolve("forged.json"), forged.replace("\"leafHash\"", "\"x\""));
        assertThat(runVerifier(jar, 1, "inclusion", "--key", key, "--leaf", forgedLeaf.toString(), "--url", base))
                .contains("FAILED: leaf " + (sequence - 1));
    }

    @Test
    void anEntryChangedRemovedOrCutAfterACheckpointIsNamedByTheVerification() {
        String worker = newSubject();
        for (int n = 1; n <= 4; n++) {
            publish(Topics.REGISTRY_EVENTS, profileUpdated(worker, n));
        }
        JsonNode items = awaitItems("subject=" + worker, 4);
        long second = items.get(1).get("sequence").asLong();
        long last = items.get(3).get("sequence").asLong();
        awaitCheckpointCovering(last);
        String note = currentNote();
        assertThat(verifyAgainst(note).get("consistent").asBoolean()).isTrue();
        MongoCollection<Document> ledger = mongo.getDatabase(DATABASE).getCollection(Ledger.COLLECTION);

        ledger.updateOne(Filters.eq("sequence", second), Updates.set("actor", "someone-else"));
        try {
            JsonNode changed = verifyAgainst(note);
            assertThat(changed.get("consistent").asBoolean()).isFalse();
            assertThat(changed.get("firstBadSequence").asLong()).isEqualTo(second);
            assertThat(changed.get("firstBadIndex").asLong()).isEqualTo(second - 1);
            assertThat(changed.get("reason").asText()).isEqualTo("altered entry");
        } finally {
            ledger.updateOne(Filters.eq("sequence", second), Updates.set("actor", "actor-" + worker));
        }

        Document removed = ledger.findOneAndDelete(Filters.eq("sequence", second));
        try {
            JsonNode gap = verifyAgainst(note);
            assertThat(gap.get("consistent").asBoolean()).isFalse();
            assertThat(gap.get("firstBadSequence").asLong()).isEqualTo(second);
            assertThat(gap.get("reason").asText()).isEqualTo("missing entry");
        } finally {
            ledger.insertOne(removed);
        }

        long treeSize = Checkpoint.parse(SignedNote.parse(note).text()).treeSize();
        List<Document> tail = ledger.find(Filters.gte("sequence", last)).into(new ArrayList<>());
        ledger.deleteMany(Filters.gte("sequence", last));
        try {
            JsonNode cut = verifyAgainst(note);
            assertThat(cut.get("consistent").asBoolean()).isFalse();
            assertThat(cut.get("firstBadSequence").asLong()).isEqualTo(last);
            assertThat(cut.get("reason").asText()).isEqualTo("ledger cut short");
            assertThat(cut.get("treeSize").asLong()).isEqualTo(treeSize);
        } finally {
            ledger.insertMany(tail);
        }
        assertThat(verifyAgainst(note).get("consistent").asBoolean()).isTrue();

        ResponseEntity<JsonNode> forged = verifyRequest(note.replace("frmr.ru", "frmr.xx"));
        assertProblem(forged, HttpStatus.BAD_REQUEST);
        assertThat(texts(forged.getBody().get("errors"), "field")).containsExactly("checkpoint");
    }

    private JsonNode verifyAgainst(String note) {
        ResponseEntity<JsonNode> response = verifyRequest(note);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The note percent-encoded by hand: a URI template leaves its base64 '+' as is, which a server reads as a space. */
    private ResponseEntity<JsonNode> verifyRequest(String note) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ISSUER.mint(AUDITOR));
        URI uri = URI.create("http://localhost:" + port + "/api/audit/verify?checkpoint="
                + URLEncoder.encode(note, StandardCharsets.UTF_8));
        return rest.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private Checkpoint awaitCheckpointCovering(long treeSize) {
        await().atMost(PATIENCE).until(() -> publicText("/api/audit/public/checkpoint").getStatusCode().is2xxSuccessful()
                && currentCheckpoint().treeSize() >= treeSize);
        return currentCheckpoint();
    }

    private Checkpoint currentCheckpoint() {
        return Checkpoint.parse(SignedNote.parse(currentNote()).text());
    }

    private String currentNote() {
        return publicText("/api/audit/public/checkpoint").getBody();
    }

    private ResponseEntity<String> publicText(String uri) {
        return rest.getForEntity(uri, String.class);
    }

    private ResponseEntity<JsonNode> publicJson(String uri, Object... variables) {
        return rest.getForEntity(uri, JsonNode.class, variables);
    }

    private static List<byte[]> hashes(JsonNode proof) {
        return StreamSupport.stream(proof.get("hashes").spliterator(), false)
                .map(h -> Base64.getDecoder().decode(h.asText())).toList();
    }

    /** The verifier module's jar: the reactor packages it before this module's integration tests run. */
    private static Path verifierJar() {
        Path jar = Path.of("..", "tools", "audit-verifier", "target", "audit-verifier.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the verifier jar %s is missing: build it first with "
                + "./mvnw -pl tools/audit-verifier package", jar).isRegularFile();
        return jar;
    }

    /** Runs the jar, asserts its exit code, answers what it printed. */
    private static String runVerifier(Path jar, int expectedExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("audit-verifier %s printed:%n%s", String.join(" ", args), output)
                .isEqualTo(expectedExit);
        return output;
    }

    @Test
    void aWorkerSeesWhoReadTheirDataAsARoleNeverAsAPersonAndTheLedgerHasTheRead() {
        String worker = newSubject();
        String other = newSubject();
        PersonalDataAccessed read = new PersonalDataAccessed(UUID.randomUUID().toString(), worker,
                new AccessActor("acc-admin-7", null, "REGISTRY_ADMIN", null, null), AccessedData.RECORD,
                "Жалоба пациента № 4", "registry-service", T0);
        CloudEvent event = accessEvent(read);
        publish(Topics.ACCESS_EVENTS, event);
        publish(Topics.ACCESS_EVENTS, event); // redelivered
        publish(Topics.ACCESS_EVENTS, accessEvent(new PersonalDataAccessed(UUID.randomUUID().toString(), other,
                read.actor(), AccessedData.RECORD, "Другая проверка", "registry-service", T0)));

        TestToken owner = TestToken.worker(worker);
        JsonNode[] page = new JsonNode[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            page[0] = get(owner, "/api/audit/me/access").getBody();
            assertThat(page[0].get("items")).hasSize(1);
        });
        JsonNode item = page[0].get("items").get(0);
        assertThat(item.get("accessId").asText()).isEqualTo(read.accessId());
        assertThat(item.get("actorRole").asText()).isEqualTo("REGISTRY_ADMIN");
        assertThat(item.get("actorLabel").asText()).isEqualTo("Администратор реестра");
        assertThat(item.get("what").asText()).isEqualTo("RECORD");
        assertThat(item.get("purpose").asText()).isEqualTo("Жалоба пациента № 4");
        assertThat(item.get("service").asText()).isEqualTo("registry-service");
        assertThat(Instant.parse(item.get("at").asText())).isEqualTo(T0);
        assertThat(page[0].get("total").asLong()).isEqualTo(1);
        assertThat(page[0].toString()).doesNotContain("acc-admin-7");
        assertThat(awaitItems("subject=" + worker, 1).get(0).get("topic").asText()).isEqualTo(Topics.ACCESS_EVENTS);

        assertProblem(get(AUDITOR, "/api/audit/me/access"), HttpStatus.FORBIDDEN);
    }

    @Test
    void fiveFailedLoginsOfOneAccountRaiseOneAlertOnItsTopicForAuditors() {
        String account = "acc-" + UUID.randomUUID();
        String addressHash = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOf(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 16));
        try (KafkaConsumer<String, byte[]> alerts = deadLetterReader(Topics.AUDIT_ALERTS)) {
            for (int i = 0; i < 6; i++) {
                LoginFailed failed = new LoginFailed(account, "SECOND_FACTOR", T0.plusSeconds(i), addressHash);
                CloudEvent event = CloudEventRecords.cloudEvent(UUID.randomUUID().toString(), EventSources.AUTH,
                        EventCatalog.of(LoginFailed.class), failed, failed.at(), Map.of());
                publish(Topics.AUTH_EVENTS, event);
                publish(Topics.AUTH_EVENTS, event);
            }
            List<CloudEvent> raised = new ArrayList<>();
            List<AuditAlertRaised> byAddress = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> r : alerts.poll(Duration.ofMillis(200))) {
                    CloudEvent e = io.cloudevents.kafka.KafkaMessageFactory.createReader(r).toEvent();
                    if (account.equals(e.getSubject())) {
                        raised.add(e);
                    }
                    if (addressHash.equals(e.getSubject())) {
                        byAddress.add(ContractJson.fromBytes(e.getData().toBytes(), AuditAlertRaised.class));
                    }
                }
                assertThat(raised).isNotEmpty();
                assertThat(byAddress).isNotEmpty();
            });
            AuditAlertRaised alert = ContractJson.fromBytes(raised.get(0).getData().toBytes(), AuditAlertRaised.class);
            assertThat(alert.rule()).isEqualTo(AlertRule.FAILED_LOGINS_PER_ACCOUNT);
            assertThat(alert.count()).isEqualTo(5);
            assertThat(raised.get(0).getId()).isEqualTo(alert.alertId());
            assertThat(byAddress).first().satisfies(perAddress -> {
                assertThat(perAddress.rule()).isEqualTo(AlertRule.FAILED_LOGINS_PER_ADDRESS);
                assertThat(perAddress.count()).isEqualTo(5);
            });

            JsonNode listed = get(AUDITOR, "/api/audit/alerts?size=100").getBody();
            assertThat(texts(listed.get("items"), "alertId")).containsOnlyOnce(alert.alertId());
            assertThat(get(TestToken.withRoles("REGISTRY_ADMIN"), "/api/audit/alerts").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertProblem(get(TestToken.withRoles("SUPERVISOR"), "/api/audit/alerts"), HttpStatus.FORBIDDEN);
        }
    }

    private static CloudEvent accessEvent(PersonalDataAccessed access) {
        return CloudEventRecords.cloudEvent(access.accessId(), EventSources.REGISTRY,
                EventCatalog.of(PersonalDataAccessed.class), access, access.occurredAt(), Map.of());
    }

    private JsonNode awaitItems(String query, int count) {
        JsonNode[] items = new JsonNode[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            items[0] = get("/api/audit/entries?" + query).getBody().get("items");
            assertThat(items[0]).hasSize(count);
        });
        return items[0];
    }

    @Test
    void theOperatorsSeriesAreExposedFromStartup() {
        // What /actuator/prometheus serves (this test's context keeps the management endpoints on the API's port,
        // behind its security): the registry's own exposition.
        Set<String> exposed = prometheus.scrape().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        assertThat(exposed).contains("frmr_consumer_events_total", "frmr_consumer_dead_lettered_total",
                "kafka_producer_record_send_total", "kafka_consumer_fetch_manager_records_lag_max",
                "frmr_audit_alerts_raised_total", "frmr_audit_chain_verified", "frmr_audit_chain_verified_at_seconds",
                "jvm_memory_used_bytes");
    }

    private ResponseEntity<JsonNode> get(String uri, Object... variables) {
        return get(AUDITOR, uri, variables);
    }

    private ResponseEntity<JsonNode> get(TestToken caller, String uri, Object... variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(ISSUER.mint(caller));
        return rest.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class, variables);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(i -> i.get(field).asText()).toList();
    }

    private static String newSubject() {
        return "worker-" + UUID.randomUUID();
    }

    private static CloudEvent profileUpdated(String worker, int n) {
        Instant time = T0.plusSeconds(n);
        return CloudEventRecords.cloudEvent(UUID.randomUUID().toString(), EventSources.REGISTRY,
                EventCatalog.of(ProfileUpdated.class),
                new ProfileUpdated(worker, List.of(ProfileSection.CONTACTS), n, time), time,
                Map.of(CloudEventRecords.ACTOR, "actor-" + worker));
    }

    private static CloudEvent licenseExpired(String worker, int n) {
        Instant time = T0.plusSeconds(n);
        return CloudEventRecords.cloudEvent(UUID.randomUUID().toString(), EventSources.REGISTRY,
                EventCatalog.of(LicenseExpired.class),
                new LicenseExpired(worker, "licence-" + n, LicenseKind.CERTIFICATE, "31.08.01", null), time,
                Map.of());
    }

    private static void publish(String topic, CloudEvent event) {
        try {
            producer.send(CloudEventRecords.record(topic, event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Publishing to " + topic + " failed", e.getCause());
        }
    }

    private static KafkaConsumer<String, byte[]> deadLetterReader(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping openApiHandlers;

    /** The OpenAPI 3.1 document: served without a token, listing every handler of the service. */
    @Test
    void theOpenApiDocumentIsPublicAndCoversEveryHandler() {
        OpenApiCoverage.verify(URI.create(rest.getRootUri() + "/api/audit/openapi.json"), openApiHandlers);
    }
}
