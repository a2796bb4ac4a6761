package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.infra.embedded.StoreHost;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * A crash of the process holding the stores loses nothing that was acknowledged. The Kafka broker and the Mongo
 * wire server run in a child JVM on a data directory ({@link StoreHost}, the same classes and files as the
 * local stack's launcher); registry-service and audit-service run as their packaged jars. After {@value #COMMANDS}
 * registrations, each answered 201, every process is killed with SIGKILL (the store host first), then all are
 * started again on the same directory and ports. Every event of every acknowledged command must then be in the
 * event store, on the topic and, once each, in the audit ledger, with nothing on the topic the store lacks, and
 * the ledger's chain must verify.
 */
class CrashRecoveryIT {

    private static final int COMMANDS = 30;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String REGISTRY_DB = "registry_service_crash";

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestJwtIssuer issuer = TestJwtIssuer.start();
    private final Path repoRoot =
            Path.of(System.getProperty("frmr.repo.root", "../..")).toAbsolutePath().normalize();
    private final int[] ports = Ports.pickFree(7);
    private final List<ServiceProcess> services = new ArrayList<>();
    private StoreHost stores;

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        services.forEach(ServiceProcess::kill);
        if (stores != null) {
            stores.kill();
        }
        issuer.close();
    }

    @Test
    void acknowledgedCommandsSurviveAKillOfTheStores() throws Exception {
        startStoresAndServices(1);
        String admin = issuer.mint(TestToken.withRoles("REGISTRY_ADMIN"));
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            workers.add(register(admin, i));
        }

        // The crash: nothing is closed or flushed, in the stores or in the services.
        stores.kill();
        services.forEach(ServiceProcess::kill);
        services.clear();
        startStoresAndServices(2);

        Map<String, String> stored = storedEventIds(Set.copyOf(workers));
        assertThat(stored.values()).as("workers with an event in the event store after the crash")
                .containsAll(workers);

        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(topicEventIds(Set.copyOf(workers))).as("event ids on " + Topics.REGISTRY_EVENTS)
                    .isEqualTo(stored.keySet());
            assertThat(ledgerEventIds(admin, workers)).as("event ids in the audit ledger")
                    .containsExactlyInAnyOrderElementsOf(stored.keySet());
        });
        String verification = get(auditUrl() + "/api/audit/verify", admin);
        assertThat(verification).contains("\"intact\":true");
    }

    private void startStoresAndServices(int run) {
        stores = StoreHost.start(dir.resolve("data"), ports[0], ports[1], ports[2],
                dir.resolve("logs/stores-" + run + ".log"));
        String kafka = "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports[1];
        String jwks = "--frmr.security.jwks-uri=" + issuer.jwksUri();
        services.add(ServiceProcess.start("registry-service", ServiceProcess.findExecJar(repoRoot, "registry-service"),
                ports[3], ports[5], "local", dir.resolve("logs/registry-" + run + ".log"),
                List.of(kafka, jwks, "--spring.data.mongodb.uri=" + mongoUri() + "/" + REGISTRY_DB)));
        services.add(ServiceProcess.start("audit-service", ServiceProcess.findExecJar(repoRoot, "audit-service"),
                ports[4], ports[6], "local", dir.resolve("logs/audit-" + run + ".log"),
                List.of(kafka, jwks, "--spring.data.mongodb.uri=" + mongoUri() + "/audit_service_crash")));
        services.forEach(service -> service.awaitHealthy(START_TIMEOUT));
    }

    private String register(String admin, int i) throws Exception {
        String body = """
                {"lastName":"Краш","firstName":"Тест","birthDate":"1980-01-01","snils":"%s",
                 "email":"crash-%d@example.org"}""".formatted(snils(200_000_000 + i * 7919), i);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(registryUrl()
                        + "/api/registry/workers"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("registration %d: %s", i, response.body()).isEqualTo(201);
        Matcher id = ID.matcher(response.body());
        assertThat(id.find()).as("id in %s", response.body()).isTrue();
        return id.group(1);
    }

    /** Event id to aggregate id, for every event of these aggregates in registry-service's Axon event store. */
    private Map<String, String> storedEventIds(Set<String> aggregates) {
        Map<String, String> events = new HashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri())) {
            for (Document event : client.getDatabase(REGISTRY_DB).getCollection("domainevents")
                    .find(Filters.in("aggregateIdentifier", aggregates))) {
                events.put(event.getString("eventIdentifier"), event.getString("aggregateIdentifier"));
            }
        }
        return events;
    }

    /** Distinct CloudEvents ids of the records about these aggregates; a re-send after the crash counts once. */
    private Set<String> topicEventIds(Set<String> aggregates) {
        Set<String> ids = new HashSet<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports[1],
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRY_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (aggregates.contains(record.key()) && id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    /** The event ids of the ledger's entries about these workers, one per entry, so a duplicate shows. */
    private List<String> ledgerEventIds(String token, List<String> workers) throws Exception {
        List<String> ids = new ArrayList<>();
        Pattern eventId = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
        for (String worker : workers) {
            Matcher m = eventId.matcher(get(auditUrl() + "/api/audit/entries?size=500&subject=" + worker, token));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private String get(String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return response.body();
    }

    private String mongoUri() {
        return "mongodb://127.0.0.1:" + ports[0];
    }

    private String registryUrl() {
        return "http://127.0.0.1:" + ports[3];
    }

    private String auditUrl() {
        return "http://127.0.0.1:" + ports[4];
    }

    /** A checksum-valid СНИЛС made from a 9-digit number (test data, no real person's). */
    private static String snils(int number) {
        String digits = String.format("%09d", number);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : (sum % 101) % 100;
        return digits + String.format("%02d", check);
    }
}
