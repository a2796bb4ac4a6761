package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;

/**
 * The platform end to end, as real processes behind the gateway: a worker logs in through ESIA (the
 * emulator), gets a profile created from ESIA data, changes contacts; every event reaches the audit ledger
 * exactly once and in order, also when the registry dies between storing an event and publishing it; the
 * edge and the services reject what they must; and no log of the run holds a СНИЛС, a code or a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformE2EIT {

    private static final String AUDIT_GROUP = "audit-service.audit-ledger";
    private static final List<String> SNILS_FORMS = List.of("112-233-445 95", "11223344595", "112-233-445-95",
            "112233445", "000-000-600 06", "333-333-333 34", "33333333334");
    private static final String IVANOVA_INN = "770112345695";
    private static final List<String> PASSPORT_FORMS = List.of("4505 612345", "4505612345", "45 05 612345");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private final ByteArrayOutputStream ownOutput = new ByteArrayOutputStream();
    private final Set<String> secretsSeen = new HashSet<>();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Platform platform;
    private Api gateway;
    private Login.Session worker;
    private String workerId;

    @BeforeAll
    void startPlatform() throws IOException {
        captureOwnOutput();
        // A directory of its own: the browser suites keep their services' logs beside it.
        Path logDir = Platform.freshLogDir(getClass());
        platform = Platform.withRegistryReplica(logDir);
        platform.startAll();
        gateway = new Api(platform.url(Platform.GATEWAY));
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
    void firstEsiaLoginCreatesTheWorkersProfileWhichTheyReadThroughTheGateway() {
        worker = remember(Login.as(platform, "ivanova"));
        assertThat(worker.claims().get("roles").toString()).contains("WORKER");
        assertThat(worker.claims().get("iss").asText()).isEqualTo("frmr-auth");
        workerId = worker.workerId();
        assertThat(workerId).isNotBlank();
        // The registry number is random (the registry announced it to auth-service), not computed from the СНИЛС.
        assertThat(java.util.UUID.fromString(workerId).version()).isEqualTo(4);

        await().atMost(EVENTUALLY).until(() -> gateway.as(worker.accessToken())
                .get("/api/registry/workers/" + workerId).status() == 200);
        JsonNode profile = gateway.as(worker.accessToken()).get("/api/registry/workers/" + workerId).json();
        assertThat(profile.get("lastName").asText()).isEqualTo("Иванова");
        assertThat(profile.get("firstName").asText()).isEqualTo("Мария");
        assertThat(profile.get("snils").asText()).isEqualTo("112-233-445 95");
        assertThat(profile.get("birthDate").asText()).isEqualTo("1985-04-12");
        assertThat(profile.get("email").asText()).isEqualTo("ivanova@frmr.test");
        assertThat(profile.get("mobile").asText()).isEqualTo("+79990000001");
        // ИНН and the passport came from ESIA through auth-service's internal event, sealed at rest, opened here.
        assertThat(profile.get("inn").asText()).isEqualTo(IVANOVA_INN);
        assertThat(profile.get("identityDocument").get("number").asText()).isEqualTo("612345");

        // Logging in makes a record, not a medical worker the public sees: nothing of it is approved yet.
        Api anonymous = new Api(platform.url(Platform.GATEWAY));
        Api.Response unknown = anonymous.get("/fhir/Practitioner/" + workerId);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/fhir+json");
        assertThat(anonymous.get("/api/registry/public/workers?q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0").body())
                .doesNotContain(workerId);
    }

    @Test
    @Order(2)
    void contactChangeAndRegistrationReachTheLedgerOnceEachInOrder() {
        Api.Response updated = gateway.as(stepUpWorkerToken()).put("/api/registry/workers/" + workerId + "/contacts",
                "{\"email\":\"ivanova@clinic.example.ru\",\"mobile\":\"+79991234567\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(204);

        // The registry told auth-service the registry number of the login account (WorkerAccountLinked) between.
        List<JsonNode> entries = awaitLedger(3);
        assertThat(entries).extracting(e -> e.get("type").asText()).containsExactly(EventTypes.WORKER_REGISTERED,
                EventTypes.WORKER_ACCOUNT_LINKED, EventTypes.PROFILE_UPDATED);
        assertThat(entries.get(2).get("actor").asText()).isEqualTo("account:" + worker.claims().get("sub").asText());
        assertThat(entries).extracting(e -> e.get("eventId").asText()).doesNotHaveDuplicates();
        assertChainIntact();
    }

    @Test
    @Order(3)
    void eventStoredWhileTheRelayWasDownArrivesAfterACrashAndRestartExactlyOnce() {
        platform.restart(Platform.REGISTRY, "--frmr.relay.autostart=false");
        Api asWorker = gateway.as(stepUpWorkerToken());
        Api.Response updated = asWorker.put("/api/registry/workers/" + workerId + "/contacts",
                "{\"email\":\"after-crash@clinic.example.ru\",\"mobile\":\"+79991234567\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(204);
        await().atMost(EVENTUALLY).until(() -> asWorker.get("/api/registry/workers/" + workerId).json()
                .get("email").asText().equals("after-crash@clinic.example.ru"));
        await().atMost(EVENTUALLY).until(() -> platform.consumerGroupCaughtUp(AUDIT_GROUP));
        assertThat(eventsIn(ledgerFor(workerId))).as("stored, not yet published").hasSize(3);

        // Crash between append and publish, then an ordinary start: the relay resumes from its stored token.
        platform.kill(Platform.REGISTRY);
        platform.start(Platform.REGISTRY).awaitHealthy(Duration.ofSeconds(150));

        List<JsonNode> entries = awaitLedger(4);
        assertThat(entries).extracting(e -> e.get("type").asText()).containsExactly(EventTypes.WORKER_REGISTERED,
                EventTypes.WORKER_ACCOUNT_LINKED, EventTypes.PROFILE_UPDATED, EventTypes.PROFILE_UPDATED);
        assertThat(entries).extracting(e -> e.get("eventId").asText()).doesNotHaveDuplicates();
        assertChainIntact();
    }

    @Test
    @Order(4)
    void theEdgeAndTheServicesRejectWhatTheyMust() {
        String path = "/api/registry/workers/" + workerId;
        assertProblem(gateway.get(path), 401);

        String token = freshWorkerToken();
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertProblem(gateway.as(none + "." + parts[1] + ".").get(path), 401);
        assertProblem(gateway.as(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20) + "AAAA").get(path), 401);

        Login.Session other = remember(Login.as(platform, "petrov"));
        assertThat(other.workerId()).isNotEqualTo(workerId);
        assertProblem(gateway.as(other.accessToken()).get(path), 403);
        assertProblem(gateway.as(other.accessToken()).put(path + "/contacts", "{\"email\":\"x@example.ru\"}"), 403);

        assertProblem(gateway.as(token).put(path + "/contacts", "{\"email\":\"a@example.ru\",\"mobile\":\"12\"}"),
                400).contains("mobile");
        assertProblem(gateway.as(token).put(path + "/contacts", "{\"email\":"), 400);
        // Like every change of the record, the worker's own contacts need a fresh step-up confirmation.
        assertProblem(gateway.as(token).put(path + "/contacts", "{\"email\":\"stolen@example.ru\"}"), 403);
        assertProblem(gateway.as(token).get("/api/nowhere"), 404);
        assertProblem(gateway.as(token).get("/api/audit/entries"), 403);
    }

    @Test
    @Order(5)
    void twoLoginsAreTwoSessionsAndEndingOneKillsItsRefreshTokenAtOnce() throws Exception {
        Login.Session second = remember(Login.as(platform, "ivanova"));
        Api asSecond = gateway.as(second.accessToken());
        await().atMost(EVENTUALLY).until(() -> asSecond.get("/api/auth/sessions").json().size() >= 2);
        List<String> sessionIds = new ArrayList<>();
        asSecond.get("/api/auth/sessions").json().forEach(s -> sessionIds.add(s.get("id").asText()));
        assertThat(sessionIds).contains(worker.sessionId(), second.sessionId());

        Api.Response ended = asSecond.delete("/api/auth/sessions/" + worker.sessionId());
        assertThat(ended.status()).as(ended.body()).isIn(200, 204);
        Browser.Page refresh = worker.browser().postJson(
                URI.create(platform.url(Platform.GATEWAY) + "/api/auth/token"), "", null);
        assertThat(refresh.status()).isEqualTo(401);

        // A refresh token presented twice ends its session: the reuse is taken for theft.
        String stolen = refreshCookie(second.browser());
        Login.refresh(platform, second);
        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.url(Platform.GATEWAY) + "/api/auth/token"))
                .header("Cookie", "frmr_refresh=" + stolen)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(second.browser().postJson(URI.create(platform.url(Platform.GATEWAY) + "/api/auth/token"), "",
                null).status()).as("the rotated token died with its family").isEqualTo(401);
    }

    @Test
    @Order(6)
    void auditorWithSecondFactorReadsTheLedgerAndInvalidQueriesAreProblems() {
        Login.Session auditor = remember(Login.as(platform, "smirnov.audit"));
        assertThat(auditor.claims().get("roles").toString()).contains("AUDITOR");
        Api asAuditor = gateway.as(auditor.accessToken());
        assertThat(asAuditor.get("/api/audit/entries?subject=" + workerId).status()).isEqualTo(200);
        assertProblem(asAuditor.get("/api/audit/entries?size=0"), 400).contains("size");
        assertProblem(asAuditor.get("/api/audit/entries?from=yesterday"), 400).contains("from");
    }

    @Test
    @Order(7)
    void anAccreditationConfirmedByStepUpAndApprovedReachesThePublicRegisterAndTheLedger() {
        Login.Session ivanova = remember(Login.as(platform, "ivanova"));
        Api asWorker = gateway.as(ivanova.accessToken());
        String stepUpToken = stepUp(asWorker);
        assertThat(Login.claims(stepUpToken).has("step_up")).isTrue();

        String accreditation = """
                {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
                 "protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}""";
        assertProblem(asWorker.post("/api/registry/workers/" + workerId + "/changes", accreditation), 403);
        Api.Response submitted = gateway.as(stepUpToken)
                .post("/api/registry/workers/" + workerId + "/changes", accreditation);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String changeId = submitted.json().get("changeId").asText();

        Login.Session admin = remember(Login.as(platform, "kuznetsov.admin"));
        // The administrator works from the moderation queue, a read model that follows the submission; its item
        // names the worker, and the decision's URL carries both ids.
        await().atMost(EVENTUALLY).until(() -> gateway.as(admin.accessToken())
                .get("/api/registry/moderation/queue?size=100").body().contains(changeId));
        JsonNode queued = StreamSupport.stream(gateway.as(admin.accessToken())
                        .get("/api/registry/moderation/queue?size=100").json().get("items").spliterator(), false)
                .filter(item -> item.get("changeId").asText().equals(changeId))
                .findFirst().orElseThrow();
        assertThat(queued.get("workerId").asText()).isEqualTo(workerId);
        Api.Response approved = gateway.as(admin.accessToken())
                .post("/api/registry/workers/" + queued.get("workerId").asText() + "/changes/" + changeId
                        + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);

        Api anonymous = new Api(platform.url(Platform.GATEWAY));
        String search = "/api/registry/public/workers?q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0&specialty=31.08.49";
        await().atMost(EVENTUALLY).until(() -> anonymous.get(search).body().contains(workerId));
        assertThat(anonymous.get(search).body()).contains("2029-06-01").doesNotContain("snils")
                .doesNotContain("112-233-445").doesNotContain("birthDate").doesNotContain("ivanova@")
                .doesNotContain(IVANOVA_INN).doesNotContain("612345");
        Api.Response practitioner = anonymous.get("/fhir/Practitioner/" + workerId);
        assertThat(practitioner.status()).as(practitioner.body()).isEqualTo(200);
        assertThat(practitioner.contentType()).startsWith("application/fhir+json");
        assertThat(practitioner.json().get("active").asBoolean()).as("a valid accreditation").isTrue();
        JsonNode found = anonymous.get("/fhir/Practitioner?name=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0").json();
        assertThat(found.at("/entry/0/fullUrl").asText())
                .isEqualTo(platform.url(Platform.GATEWAY) + "/fhir/Practitioner/" + workerId);
        assertThat(found.toString()).doesNotContain(platform.url(Platform.REGISTRY));

        // Outside subscribers see the approval on the public topic, exactly as its JSON Schema says (the earlier
        // contact changes of this worker are ProfileUpdated too, of another section).
        List<byte[]> published = platform.records(Topics.PUBLIC_EVENTS).stream()
                .filter(r -> workerId.equals(r.key()))
                .filter(r -> EventTypes.PROFILE_UPDATED.equals(header(r, "ce_type")))
                .map(ConsumerRecord::value)
                .filter(data -> new String(data, StandardCharsets.UTF_8).contains("ACCREDITATION"))
                .toList();
        assertThat(published).hasSize(1);
        byte[] data = published.get(0);
        assertThat(ContractSchemas.violations(EventTypes.PROFILE_UPDATED, data)).isEmpty();
        assertThat(new String(data, StandardCharsets.UTF_8)).doesNotContain("11223344595")
                .doesNotContain("ivanova@");

        // The approval is two events: the public section update and the internal entry (for documents-service).
        List<JsonNode> entries = awaitLedger(6);
        assertThat(entries.subList(4, 6)).extracting(e -> e.get("type").asText())
                .containsExactly(EventTypes.PROFILE_UPDATED, EventTypes.PROFESSIONAL_RECORD_CHANGED);
        // The administrator read her data to decide (the moderation queue shows her): those reads are in the ledger
        // too, as access events naming her, never the data.
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(ledgerFor(workerId))
                .filteredOn(e -> Topics.ACCESS_EVENTS.equals(e.get("topic").asText()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo(EventTypes.PERSONAL_DATA_ACCESSED)));
        assertChainIntact();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * registry-service runs twice behind the gateway, both copies on the same database and consumer groups; one is
     * killed (SIGKILL) while the worker changes her contacts and reads her record. Every read succeeds (the gateway
     * retries a read on the other copy); a change that was in flight on the killed copy answers 503 and is sent again
     * by the client, which is safe because setting the same contacts again changes nothing. Each change reaches the
     * record and the ledger exactly once, and the ledger verifies. The second copy is started here, not with the
     * others: the relay test above needs the registry's relay stopped on every copy.
     */
    @Test
    @Order(8)
    void aReplicaKilledDuringARunOfCommandsLosesAndDoublesNothing() throws Exception {
        platform.start(Platform.REGISTRY_2).awaitHealthy(Duration.ofSeconds(150));
        int before = eventsIn(ledgerFor(workerId)).size();
        // Her first session was ended above: a new login, confirmed by a one-time code.
        Login.Session ivanova = remember(Login.as(platform, "ivanova"));
        Api asWorker = gateway.as(stepUp(gateway.as(ivanova.accessToken())));
        String record = "/api/registry/workers/" + workerId;
        int changes = 8;
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> readStatuses = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger resent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CompletableFuture<Void> run = java.util.concurrent.CompletableFuture.runAsync(() -> {
            for (int k = 1; k <= changes; k++) {
                String contacts = "{\"email\":\"replica-" + k + "@clinic.example.ru\",\"mobile\":\"+7999123456" + k + "\"}";
                Api.Response[] updated = {asWorker.put(record + "/contacts", contacts)};
                if (updated[0].status() == 503) {
                    // In flight on the copy that died: it may or may not be stored. The same contacts again are a
                    // no-op if it was; the client sends them again a second later, up to five times.
                    await().pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                            .atMost(Duration.ofSeconds(6)).until(() -> {
                                resent.incrementAndGet();
                                updated[0] = asWorker.put(record + "/contacts", contacts);
                                return updated[0].status() != 503;
                            });
                }
                assertThat(updated[0].status()).as(updated[0].body()).isEqualTo(204);
                for (int read = 0; read < 3; read++) {
                    readStatuses.add(asWorker.get(record).status());
                }
                done.incrementAndGet();
            }
        });
        await().atMost(EVENTUALLY).until(() -> done.get() >= 3 || run.isDone());
        platform.kill(Platform.REGISTRY);
        run.get(3, java.util.concurrent.TimeUnit.MINUTES);

        assertThat(readStatuses).hasSize(3 * changes).containsOnly(200);
        await().atMost(EVENTUALLY).until(() -> asWorker.get(record).json().get("email").asText()
                .equals("replica-" + changes + "@clinic.example.ru"));
        // Each change is a different pair of contacts, so exactly one event per change: none lost, none twice.
        List<JsonNode> entries = awaitLedger(before + changes);
        assertThat(entries.subList(before, entries.size())).extracting(e -> e.get("type").asText())
                .containsOnly(EventTypes.PROFILE_UPDATED);
        assertThat(entries).extracting(e -> e.get("eventId").asText()).doesNotHaveDuplicates();
        assertChainIntact();
        System.out.printf("replica kill: %d changes, %d reads, %d changes sent again by the client%n", changes,
                readStatuses.size(), resent.get());
    }


    @Test
    @Order(9)
    void noLogOfTheRunHoldsASnilsACodeOrAToken() throws IOException {
        platform.smtp().messages().forEach(mail -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b\\d{6}\\b").matcher(mail.text());
            while (m.find()) {
                secretsSeen.add(m.group());
            }
        });
        assertThat(secretsSeen).isNotEmpty();
        List<Path> logs = platform.logFiles();
        assertThat(logs).hasSizeGreaterThanOrEqualTo(6);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).as("log %s is not empty", log).isNotBlank();
            SNILS_FORMS.forEach(form -> assertThat(text).as("СНИЛС in %s", log).doesNotContain(form));
            secretsSeen.forEach(secret -> assertThat(text).as("a secret in %s", log).doesNotContain(secret));
            assertThat(text).as("contacts in %s", log).doesNotContain("@frmr.test").doesNotContain("+7999");
            assertThat(text).as("ИНН in %s", log).doesNotContain(IVANOVA_INN);
            PASSPORT_FORMS.forEach(form -> assertThat(text).as("passport in %s", log).doesNotContain(form));
        }
        String own = ownOutput.toString(StandardCharsets.UTF_8);
        SNILS_FORMS.forEach(form -> assertThat(own).as("СНИЛС in the test JVM's output").doesNotContain(form));
        assertThat(own).as("contacts in the test JVM's output").doesNotContain("@frmr.test")
                .doesNotContain(IVANOVA_INN);
    }

    /**
     * Not a test: figures for the closing note, run only with {@code -Dfrmr.benchmark=true}. Login flow time
     * through the gateway and the emulator. (The gateway's cost, proxied against direct, is measured by the
     * program in {@code infra/benchmarks}, with the gateway's JVM as deployed.)
     */
    @Test
    @Order(10)
    @EnabledIfSystemProperty(named = "frmr.benchmark", matches = "true")
    void benchmark() throws Exception {
        List<Long> loginMillis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            Login.as(platform, "petrov");
            loginMillis.add((System.nanoTime() - t0) / 1_000_000);
        }
        java.util.Collections.sort(loginMillis);
        System.out.printf("BENCHMARK login flow via gateway (30 logins): median %d ms, p95 %d ms%n",
                loginMillis.get(15), loginMillis.get(28));
    }

    /** A fresh access token of the worker's session confirmed by a one-time code, as every record change needs. */
    private String stepUpWorkerToken() {
        return stepUp(gateway.as(freshWorkerToken()));
    }

    /** Ivanova's step-up: the code mailed to her, confirmed; the answer's access token carries {@code step_up}. */
    private String stepUp(Api asWorker) {
        int mailsBefore = Login.mailsTo(platform, "ivanova").size();
        assertThat(asWorker.post("/api/auth/step-up", "").status()).isEqualTo(202);
        String code = Login.awaitCode(platform, "ivanova", mailsBefore);
        secretsSeen.add(code);
        Api.Response confirmed = asWorker.post("/api/auth/step-up/verify", "{\"code\":\"" + code + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        String token = confirmed.json().get("access_token").asText();
        secretsSeen.add(token);
        return token;
    }

    private String freshWorkerToken() {
        worker = remember(Login.refresh(platform, worker));
        return worker.accessToken();
    }

    private Login.Session remember(Login.Session session) {
        secretsSeen.add(session.accessToken());
        secretsSeen.add(refreshCookie(session.browser()));
        return session;
    }

    private static String refreshCookie(Browser browser) {
        return browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("frmr_refresh")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** The ledger's entries of the worker's own events, without the reads of their data (those are counted apart). */
    private List<JsonNode> awaitLedger(int expected) {
        await().atMost(EVENTUALLY).until(() -> eventsIn(ledgerFor(workerId)).size() >= expected);
        // Everything published is consumed before counting, so a late duplicate would be seen here.
        await().atMost(EVENTUALLY).until(() -> platform.consumerGroupCaughtUp(AUDIT_GROUP));
        List<JsonNode> entries = eventsIn(ledgerFor(workerId));
        assertThat(entries).hasSize(expected);
        return entries;
    }

    private static List<JsonNode> eventsIn(List<JsonNode> entries) {
        return entries.stream().filter(e -> !Topics.ACCESS_EVENTS.equals(e.get("topic").asText())).toList();
    }

    private List<JsonNode> ledgerFor(String subject) {
        Api.Response r = new Api(platform.url(Platform.AUDIT)).as(auditorToken())
                .get("/api/audit/entries?subject=" + subject + "&size=100");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    private Login.Session auditor;

    private String auditorToken() {
        auditor = auditor == null ? remember(Login.as(platform, "smirnov.audit"))
                : remember(Login.refresh(platform, auditor));
        return auditor.accessToken();
    }

    private void assertChainIntact() {
        JsonNode verify = new Api(platform.url(Platform.AUDIT)).as(auditorToken()).get("/api/audit/verify").json();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("firstBrokenSequence").isNull()).isTrue();
        assertThat(verify.get("entries").asLong()).isGreaterThanOrEqualTo(2);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return assertThat(response.body());
    }

    /** Tees this JVM's stdout and stderr (broker, Mongo and SMTP servers, test) into a buffer for the log check. */
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
