package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.yaml.snakeyaml.Yaml;

import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.identity.LegacyWorkerIds;
import ru.frmr.kit.identity.SnilsIndexKeys;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.command.EsiaPersonalData;
import ru.frmr.registry.command.SnilsIndex;
import ru.frmr.registry.command.WorkerRegistration;
import ru.frmr.registry.consumer.KafkaTestEvents;

/**
 * A worker's id is a random registry number. The СНИЛС stays unique through the private index (also for
 * simultaneous registrations and after a crash between claim and record), the index key rotates without changing
 * any number, records from before registry numbers are still found, and nothing public carries a value that the
 * repository's configuration could compute from a СНИЛС.
 */
class RegistryNumberIT extends RegistryRestSupport {

    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[^:}]+:(.+)}");
    private static final String ROTATED_KEY = "rotated-snils-index-key-0123456789abcdef";

    @Autowired
    SnilsIndex index;

    @Autowired
    WorkerRegistration registration;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    Environment environment;

    @Test
    void simultaneousRegistrationsOfOneСнилсEndWithOneRecord() throws Exception {
        String snils = randomSnils();
        List<Integer> statuses = concurrently(8, () -> registry.post(bearer(ADMIN), "/api/registry/workers",
                JSON.writeValueAsString(Map.of("lastName", "Гонкина", "firstName", "Анна", "birthDate", "1985-04-12",
                        "snils", snils, "email", "a@example.ru"))).statusCode());

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        String workerId = index.find(snils).orElseThrow();
        assertThat(registeredRecords(workerId)).isEqualTo(1);
        assertThat(indexEntriesOf(workerId)).isEqualTo(1);
        assertThat(UUID.fromString(workerId).version()).as("a random UUID").isEqualTo(4);
    }

    @Test
    void simultaneousFirstLoginsOfOnePersonEndWithOneRecordLinkedToBothAccounts() throws Exception {
        String snils = randomSnils();
        List<String> ids = concurrently(6, () -> registration.provision(UUID.randomUUID().toString(), "Гонкин",
                "Пётр", null, LocalDate.of(1979, 2, 3), snils, null, null, new EsiaPersonalData(null, null, null,
                        null)));

        assertThat(Set.copyOf(ids)).hasSize(1);
        String workerId = ids.get(0);
        assertThat(registeredRecords(workerId)).isEqualTo(1);
        assertThat(mongo.getCollection("domainevents").countDocuments(new Document("aggregateIdentifier", workerId)
                .append("payloadType", "ru.frmr.registry.api.WorkerAccountLinkedEvent"))).isEqualTo(6);
    }

    @Test
    void aClaimLeftWithoutItsRecordByACrashIsCompletedByTheNextRegistration() throws Exception {
        String snils = randomSnils();
        String claimed = index.claim(snils); // the process died here, before the record was created
        assertThat(eventStore.lastSequenceNumberFor(claimed)).isEmpty();

        String workerId = registry.registerWorker("Сбоева", snils);

        assertThat(workerId).isEqualTo(claimed);
        assertThat(registeredRecords(workerId)).isEqualTo(1);
        HttpResponse<String> again = registry.post(bearer(ADMIN), "/api/registry/workers",
                JSON.writeValueAsString(Map.of("lastName", "Сбоева", "firstName", "Анна", "birthDate", "1985-04-12",
                        "snils", snils, "email", "a@example.ru")));
        RegistryClient.assertProblem(again, 409, "snils");
    }

    @Test
    void aKeyRotationReindexesUnderTheNewKeyAndChangesNoNumber() throws Exception {
        String snils = randomSnils();
        String workerId = registry.registerWorker("Ротова", snils);
        SnilsIndexKeys before = SnilsIndexKeys.fromEnvironment(environment, "test");
        SnilsIndexKeys after = new SnilsIndexKeys("k-rotated", ROTATED_KEY,
                Map.of(before.currentId(), environment.getProperty(SnilsIndexKeys.KEY)));
        SnilsIndex rotated = new SnilsIndex(mongo, after, Optional.empty(), eventStore, Clock.systemUTC());

        assertThat(rotated.find(snils)).contains(workerId);

        assertThat(entry(before.current(snils).qualified())).as("the old entry is gone").isNull();
        Document moved = entry(after.current(snils).qualified());
        assertThat(moved.getString("keyId")).isEqualTo("k-rotated");
        assertThat(moved.getString("workerId")).isEqualTo(workerId);
        assertThat(rotated.claim(snils)).as("still unique under the new key").isEqualTo(workerId);
        assertThat(indexEntriesOf(workerId)).isEqualTo(1);
    }

    @Test
    void aRecordFromBeforeRegistryNumbersIsFoundAndIndexedWhenItsPersonShowsUp() throws Exception {
        String snils = randomSnils();
        LegacyWorkerIds legacyIds = new LegacyWorkerIds("legacy-worker-id-key-0123456789abcdef");
        String legacyId = legacyIds.idFor(snils);
        commands.sendAndWait(new RegisterWorkerCommand(legacyId, "Старова", "Анна", null, LocalDate.of(1980, 1, 1),
                snils, null, null, null, null, null, null));
        SnilsIndex withLegacy = new SnilsIndex(mongo, SnilsIndexKeys.fromEnvironment(environment, "test"),
                Optional.of(legacyIds), eventStore, Clock.systemUTC());

        assertThat(withLegacy.claim(snils)).isEqualTo(legacyId);
        assertThat(index.find(snils)).as("indexed under the current key").contains(legacyId);
        assertThat(registeredRecords(legacyId)).isEqualTo(1);
    }

    @Test
    void noPublicAnswerOrPublicEventCarriesAnIdComputableFromTheСнилс() throws Exception {
        KafkaConsumer<String, byte[]> publicTopic = KafkaTestEvents.subscribe("registry-number-it-",
                Topics.PUBLIC_EVENTS);
        String snils = randomSnils();
        String workerId = registry.registerWorker("Публичная", snils);
        // The public register lists people with an approved professional entry: give her one.
        TestToken worker = TestToken.worker(workerId).validFor(Duration.ofHours(1));
        registry.approve(workerId, registry.submitAndAwaitQueue(worker, workerId, residency()));
        String search = "/api/registry/public/workers?q=%D0%BF%D1%83%D0%B1%D0%BB%D0%B8%D1%87%D0%BD%D0%B0%D1%8F"
                + "&size=100";
        String[] register = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> found = registry.anonymousGet(search);
            assertThat(found.body()).contains(workerId);
            register[0] = found.body();
        });
        HttpResponse<String> practitioner = registry.anonymousGet("/fhir/Practitioner/" + workerId);
        assertThat(practitioner.statusCode()).as(practitioner.body()).isEqualTo(200);
        List<String> published = publicRecordsAbout(publicTopic, workerId);
        publicTopic.close();

        Set<String> computable = computableFrom(snils);
        assertThat(computable).as("candidates from %s keys", committedSecrets().size()).hasSizeGreaterThan(20);
        assertThat(computable).doesNotContain(workerId);
        for (String candidate : computable) {
            assertThat(register[0]).doesNotContain(candidate);
            assertThat(practitioner.body()).doesNotContain(candidate);
            assertThat(published).allSatisfy(record -> assertThat(record).doesNotContain(candidate));
        }
        assertThat(published).isNotEmpty().allSatisfy(record -> assertThat(record).contains(workerId));
    }

    /**
     * What anyone holding this repository could compute from a СНИЛС: the СНИЛС itself, unkeyed hashes, and
     * HMAC-SHA256 under every string committed in the services' configuration, in the encodings an id could take.
     */
    private static Set<String> computableFrom(String snils) throws Exception {
        Set<String> candidates = new LinkedHashSet<>();
        String digits = snils.replaceAll("\\D", "");
        candidates.add(digits);
        candidates.add(digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9));
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(digits.getBytes(StandardCharsets.US_ASCII));
        addEncodings(candidates, sha);
        candidates.add(UUID.nameUUIDFromBytes(digits.getBytes(StandardCharsets.US_ASCII)).toString());
        for (String secret : committedSecrets()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            addEncodings(candidates, mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        }
        return candidates;
    }

    private static void addEncodings(Set<String> candidates, byte[] digest) {
        candidates.add(UUID.nameUUIDFromBytes(digest).toString());
        candidates.add(HexFormat.of().formatHex(digest));
        candidates.add(HexFormat.of().formatHex(digest, 0, 16));
        candidates.add(Base64.getEncoder().withoutPadding().encodeToString(digest));
        candidates.add(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    /** Every string value of at least 16 characters in the registry's and auth-service's committed configuration. */
    private static List<String> committedSecrets() throws Exception {
        List<String> values = new ArrayList<>();
        for (Path file : List.of(Path.of("src/main/resources/application.yml"),
                Path.of("../auth-service/src/main/resources/application.yml"))) {
            for (Object document : new Yaml().loadAll(Files.readString(file))) {
                collectStrings(document, values);
            }
        }
        return values;
    }

    private static void collectStrings(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectStrings(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectStrings(v, into));
        } else if (node instanceof String s && s.length() >= 16) {
            into.add(s);
            Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(s);
            if (placeholder.matches()) {
                into.add(placeholder.group(1));
            }
        }
    }

    private static List<String> publicRecordsAbout(KafkaConsumer<String, byte[]> consumer, String workerId) {
        List<String> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                StringBuilder text = new StringBuilder(String.valueOf(r.key())).append('\n');
                for (Header h : r.headers()) {
                    text.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)).append('\n');
                }
                text.append(new String(r.value(), StandardCharsets.UTF_8));
                if (text.toString().contains(workerId)) {
                    records.add(text.toString());
                }
            }
            assertThat(records).isNotEmpty();
        });
        return records;
    }

    private static String residency() {
        return """
                {"kind":"ADD","entry":{"section":"POSTGRADUATE_EDUCATION","programKind":"RESIDENCY",
                "institution":"ПМГМУ им. И.М. Сеченова","specialtyCode":"31.08.36","startDate":"2008-09-01",
                "endDate":"2010-08-31","documentSeries":"017704","documentNumber":"0001234",
                "documentDate":"2010-08-31","qualification":"Врач-кардиолог"}}""";
    }

    private long registeredRecords(String workerId) {
        return mongo.getCollection("domainevents").countDocuments(new Document("aggregateIdentifier", workerId)
                .append("payloadType", "ru.frmr.registry.api.WorkerRegisteredEvent"));
    }

    private long indexEntriesOf(String workerId) {
        return mongo.getCollection("snils_index").countDocuments(new Document("workerId", workerId));
    }

    private Document entry(String id) {
        return mongo.getCollection("snils_index").find(new Document("_id", id)).first();
    }

    private static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
