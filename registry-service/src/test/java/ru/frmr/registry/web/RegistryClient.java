package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.context.DynamicPropertyRegistry;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.TestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * The registry as its clients use it, for integration tests: the context properties that point the service at the
 * shared test infrastructure, tokens from the shared test issuer, HTTP calls, the moderation steps a record change
 * goes through, waits for read models and problem+json checks.
 */
public final class RegistryClient {

    public static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    public static final TestToken ADMIN = TestToken.withRoles("REGISTRY_ADMIN").validFor(Duration.ofHours(1));
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String ACCREDITATION = """
            {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-17/2024",
             "protocolDate":"2024-06-01","specialtyCode":"31.08.49"}}""";
    public static final String CERTIFICATE = """
            {"kind":"ADD","entry":{"section":"CERTIFICATES","series":"0177","number":"180012345",
             "examDate":"2021-05-20","endDate":"2026-05-20","specialtyCode":"31.08.36"}}""";
    public static final String BIRTH_DATE = "1987-09-03";
    public static final String EMAIL = "a@example.ru";

    /** The purpose every call states: «Проверка в тесте», percent-encoded UTF-8. */
    public static final String PURPOSE_HEADER = java.net.URLEncoder.encode("Проверка в тесте",
            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(30);

    private final String base;

    public RegistryClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    // --- the application context ---

    /** For a {@code @DynamicPropertySource}: the shared Kafka broker, and {@code database} on the Mongo server. */
    public static void useSharedInfra(DynamicPropertyRegistry registry, String database) {
        useInfra(registry, SharedTestInfra.get(), database);
    }

    /** As {@link #useSharedInfra}, on the given broker and Mongo (a *ContainersIT class's containers). */
    public static void useInfra(DynamicPropertyRegistry registry, TestInfra infra, String database) {
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri(database));
    }

    /** As {@link #useSharedInfra}, and the service trusts the tokens of the shared test issuer. */
    public static void useSharedInfraAndIssuer(DynamicPropertyRegistry registry, String database) {
        useSharedInfra(registry, database);
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    // --- the record ---

    /** Registers a worker (as an administrator) with the given last name; returns the worker id. */
    public String registerWorker(String lastName, String snils) throws Exception {
        return registerWorker(Map.of("lastName", lastName, "firstName", "Анна", "birthDate", BIRTH_DATE,
                "snils", snils, "email", EMAIL));
    }

    /** Registers a worker (as an administrator) with these fields; returns the worker id. */
    public String registerWorker(Map<String, String> registration) throws Exception {
        HttpResponse<String> created = post(bearer(ADMIN), "/api/registry/workers",
                JSON.writeValueAsString(registration));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** The worker submits a change, confirmed by a fresh step-up code; returns the change id. */
    public String submit(String workerId, String change) throws Exception {
        return submit(TestToken.worker(workerId).validFor(Duration.ofHours(1)), workerId, change);
    }

    /** {@code caller} submits a change to the worker's record, confirmed by a fresh step-up code. */
    public String submit(TestToken caller, String workerId, String change) throws Exception {
        HttpResponse<String> submitted = post(confirmed(caller), "/api/registry/workers/" + workerId + "/changes",
                change);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return JSON.readTree(submitted.body()).get("changeId").asText();
    }

    /** As {@link #submit(TestToken, String, String)}, then waits until the worker's change list knows it. */
    public String submitAndAwaitQueue(TestToken caller, String workerId, String change) throws Exception {
        String changeId = submit(caller, workerId, change);
        awaitJson(bearer(ADMIN), "/api/registry/workers/" + workerId + "/changes",
                changes -> changes.findValuesAsText("changeId").contains(changeId));
        return changeId;
    }

    /** An administrator approves the worker's change. */
    public void approve(String workerId, String changeId) throws Exception {
        decide(decision(workerId, changeId, "approve"), "");
    }

    public void reject(String workerId, String changeId) throws Exception {
        decide(decision(workerId, changeId, "reject"), "{\"reason\":\"Скан нечитаем\"}");
    }

    /** Where an administrator decides a change: the URL names the worker and the change, as the queue's items do. */
    public static String decision(String workerId, String changeId, String verdict) {
        return "/api/registry/workers/" + workerId + "/changes/" + changeId + "/" + verdict;
    }

    /** The decision goes straight to the record: decidable the moment the submission was answered. */
    private void decide(String path, String body) throws Exception {
        HttpResponse<String> decided = post(bearer(ADMIN), path, body);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
    }

    public void updateContacts(String workerId, String email) throws Exception {
        HttpResponse<String> updated = put(confirmed(TestToken.worker(workerId)), "/api/registry/workers/" + workerId
                + "/contacts", "{\"email\":\"" + email + "\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    /** The JSON a GET answers with 200 once it satisfies {@code ready} (read models follow the events). */
    public JsonNode awaitJson(String authorization, String path, Predicate<JsonNode> ready) {
        JsonNode[] holder = new JsonNode[1];
        await().atMost(READ_MODEL_WAIT).untilAsserted(() -> {
            HttpResponse<String> r = get(authorization, path);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode node = JSON.readTree(r.body());
            assertThat(ready.test(node)).as(r.body()).isTrue();
            holder[0] = node;
        });
        return holder[0];
    }

    // --- HTTP ---

    public URI url(String path) {
        return URI.create(base + path);
    }

    /** {@code authorization} may be null: the call goes without the header. */
    public HttpResponse<String> get(String authorization, String path) throws Exception {
        return send(request(authorization, path).GET());
    }

    public HttpResponse<String> anonymousGet(String path) throws Exception {
        return get(null, path);
    }

    public HttpResponse<String> post(String authorization, String path, String json) throws Exception {
        return send(authorization, path, "POST", json);
    }

    public HttpResponse<String> put(String authorization, String path, String json) throws Exception {
        return send(authorization, path, "PUT", json);
    }

    public HttpResponse<String> delete(String authorization, String path, String json) throws Exception {
        return send(authorization, path, "DELETE", json);
    }

    private HttpResponse<String> send(String authorization, String path, String method, String json)
            throws Exception {
        return send(request(authorization, path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request the helpers above cannot make (another content type, no body); {@link #url} gives its address. */
    public static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Every call states a purpose, as the portal does once an administrator or supervisor gave one (ignored for the
     * others); tests of the purpose itself build their request with {@link #send(HttpRequest.Builder)}.
     */
    private HttpRequest.Builder request(String authorization, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .header("X-Access-Purpose", PURPOSE_HEADER);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    // --- tokens and data ---

    public static String bearer(TestToken token) {
        return "Bearer " + ISSUER.mint(token);
    }

    /** A federal supervisor's token (Росздравнадзор), as auth-service issues it: the agency's claims with the role. */
    public static String federalSupervisor() {
        return "Bearer " + ISSUER.mint(TestToken.withRoles("SUPERVISOR"),
                Map.of("agency_id", "ag-rzngovagency2", "agency_kind", "ROSZDRAVNADZOR"));
    }

    /** A token as auth-service issues it right after the caller confirmed a step-up one-time code. */
    public static String confirmed(TestToken token) {
        return "Bearer " + ISSUER.mint(token, Map.of("step_up", Instant.now().getEpochSecond()));
    }

    /** A СНИЛС with a correct checksum, random enough not to clash with other tests' registrations. */
    public static String randomSnils() {
        String digits = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int checksum = sum < 100 ? sum : (sum % 101) % 100;
        return digits + String.format("%02d", checksum);
    }

    // --- problems ---

    /** A problem+json answer with this status that names {@code field} (when not null) among its errors. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.get("type").asText()).as(response.body()).startsWith("https://frmr.ru/problems/");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(response.body()).contains(field);
        }
        return problem;
    }

    /** A 403 problem of the kind "forbidden" (not, say, a missing step-up confirmation). */
    public static void assertForbidden(HttpResponse<String> response) throws Exception {
        assertThat(assertProblem(response, 403, null).get("type").asText()).endsWith("/forbidden");
    }
}
