package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import ru.frmr.contracts.EventTypes;

/**
 * The spine end to end: registry-service, audit-service and the gateway as real processes, a real
 * Kafka broker and the Mongo wire server. A worker registered and updated through the gateway reaches
 * the audit ledger exactly once per event, in order, also when the registry dies between storing an
 * event and publishing it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryToAuditIT {

    private static final String AUDIT_GROUP = "audit-service.audit-ledger";
    private static final String SNILS = "112-233-445 95";
    private static final List<String> SNILS_FORMS = List.of(SNILS, "11223344595", "112-233-445-95", "112233445");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final ByteArrayOutputStream ownOutput = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Platform platform;
    private Api api;
    private String workerId;

    @BeforeAll
    void startPlatform() throws IOException {
        captureOwnOutput();
        Path logDir = Path.of("target", "e2e-logs");
        Files.createDirectories(logDir);
        try (var old = Files.list(logDir)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        platform = new Platform(logDir);
        platform.startAll();
        api = new Api(platform.gatewayUrl());
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    @Order(1)
    void registrationAndContactChangeReachTheLedgerOnceEachInOrder() {
        Api.Response created = api.post("/api/registry/workers", """
                {"lastName":"Иванова","firstName":"Мария","middleName":"Петровна","birthDate":"1985-04-12",
                 "snils":"%s","email":"m.ivanova@example.ru"}""".formatted(SNILS));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        workerId = created.json().get("id").asText();

        await().atMost(EVENTUALLY).until(() -> api.get("/api/registry/workers/" + workerId).status() == 200);
        Api.Response updated = api.put("/api/registry/workers/" + workerId + "/contacts",
                "{\"email\":\"ivanova@clinic.example.ru\",\"mobile\":\"+79991234567\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(204);

        List<JsonNode> entries = awaitLedger(2);
        assertThat(entries).extracting(e -> e.get("type").asText())
                .containsExactly(EventTypes.WORKER_REGISTERED, EventTypes.PROFILE_UPDATED);
        assertThat(entries.get(0).get("sequence").asLong()).isLessThan(entries.get(1).get("sequence").asLong());
        assertThat(entries).extracting(e -> e.get("eventId").asText()).doesNotHaveDuplicates();
        assertChainIntact();
    }

    @Test
    @Order(2)
    void eventStoredWhileTheRelayWasDownArrivesAfterACrashAndRestartExactlyOnce() {
        // The registry comes back with its relay stopped: events are stored but not published.
        platform.restart("registry-service", "--frmr.relay.autostart=false");
        Api.Response updated = api.put("/api/registry/workers/" + workerId + "/contacts",
                "{\"email\":\"after-crash@clinic.example.ru\",\"mobile\":\"+79991234567\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(204);
        await().atMost(EVENTUALLY).until(() -> api.get("/api/registry/workers/" + workerId).json()
                .get("email").asText().equals("after-crash@clinic.example.ru"));
        await().atMost(EVENTUALLY).until(() -> platform.consumerGroupCaughtUp(AUDIT_GROUP));
        assertThat(ledgerFor(workerId)).as("not yet published").hasSize(2);

        // Crash between append and publish, then an ordinary start: the relay resumes from its stored token.
        platform.kill("registry-service");
        platform.start("registry-service").awaitHealthy(Duration.ofSeconds(150));

        List<JsonNode> entries = awaitLedger(3);
        assertThat(entries).extracting(e -> e.get("type").asText()).containsExactly(
                EventTypes.WORKER_REGISTERED, EventTypes.PROFILE_UPDATED, EventTypes.PROFILE_UPDATED);
        assertThat(entries).extracting(e -> e.get("eventId").asText()).doesNotHaveDuplicates();
        assertChainIntact();
    }

    @Test
    @Order(3)
    void invalidInputThroughTheGatewayIsA4xxProblem() {
        Api.Response badSnils = api.post("/api/registry/workers", """
                {"lastName":"Петров","firstName":"Пётр","birthDate":"1980-01-01","snils":"112-233-445 96",
                 "email":"p@example.ru"}""");
        assertThat(badSnils.status()).isEqualTo(400);
        assertThat(badSnils.contentType()).startsWith("application/problem+json");
        assertThat(badSnils.body()).contains("\"snils\"").doesNotContain("445 96");

        Api.Response malformed = api.post("/api/registry/workers", "{\"lastName\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Api.Response wrongType = api.post("/api/registry/workers", """
                {"lastName":"Петров","firstName":"Пётр","birthDate":true,"snils":"000-000-600 06",
                 "email":"p@example.ru"}""");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("birthDate");

        Api.Response unknown = api.get("/api/nowhere");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        Api.Response badAuditQuery = api.get("/api/audit/entries?size=0");
        assertThat(badAuditQuery.status()).isEqualTo(400);
        assertThat(badAuditQuery.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(4)
    void noSnilsInAnyLogOfTheRun() throws IOException {
        List<Path> logs = platform.logFiles();
        assertThat(logs).hasSizeGreaterThanOrEqualTo(4);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).as("log %s is not empty", log).isNotBlank();
            SNILS_FORMS.forEach(form -> assertThat(text).as("СНИЛС in %s", log).doesNotContain(form));
        }
        String own = ownOutput.toString(StandardCharsets.UTF_8);
        SNILS_FORMS.forEach(form -> assertThat(own).as("СНИЛС in the test JVM's output").doesNotContain(form));
    }

    private List<JsonNode> awaitLedger(int expected) {
        await().atMost(EVENTUALLY).until(() -> ledgerFor(workerId).size() >= expected);
        // Everything published is consumed before counting, so a late duplicate would be seen here.
        await().atMost(EVENTUALLY).until(() -> platform.consumerGroupCaughtUp(AUDIT_GROUP));
        List<JsonNode> entries = ledgerFor(workerId);
        assertThat(entries).hasSize(expected);
        return entries;
    }

    private List<JsonNode> ledgerFor(String subject) {
        Api.Response r = api.get("/api/audit/entries?subject=" + subject + "&size=100");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    private void assertChainIntact() {
        JsonNode verify = api.get("/api/audit/verify").json();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(verify.get("entries").asLong()).isGreaterThanOrEqualTo(2);
    }

    /** Tees this JVM's stdout and stderr (broker, Mongo server, test) into a buffer for the log check. */
    private void captureOwnOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(originalErr), true, StandardCharsets.UTF_8));
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (ownOutput) {
                    ownOutput.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (ownOutput) {
                    ownOutput.write(b, off, len);
                }
            }
        };
    }
}
