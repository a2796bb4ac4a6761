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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * The registry over HTTP as its clients use it, for integration tests: tokens from the shared test issuer, the
 * moderation steps a record change goes through, and problem+json checks.
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

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public RegistryClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Registers a worker (as an administrator) with the given last name; returns the worker id. */
    public String registerWorker(String lastName, String snils) throws Exception {
        String body = JSON.writeValueAsString(Map.of("lastName", lastName, "firstName", "Анна",
                "birthDate", BIRTH_DATE, "snils", snils, "email", EMAIL));
        HttpResponse<String> created = post(bearer(ADMIN), "/api/registry/workers", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** The worker submits a change, confirmed by a fresh step-up code; returns the change id. */
    public String submit(String workerId, String change) throws Exception {
        HttpResponse<String> submitted = post(confirmed(TestToken.worker(workerId).validFor(Duration.ofHours(1))),
                "/api/registry/workers/" + workerId + "/changes", change);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return JSON.readTree(submitted.body()).get("changeId").asText();
    }

    /** An administrator approves the change as soon as it is in the moderation queue. */
    public void approve(String changeId) {
        decide("/api/registry/moderation/" + changeId + "/approve", "");
    }

    public void reject(String changeId) {
        decide("/api/registry/moderation/" + changeId + "/reject", "{\"reason\":\"Скан нечитаем\"}");
    }

    private void decide(String path, String body) {
        // The queue is a read model: a change submitted a moment ago may not be in it yet (404).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> decided = post(bearer(ADMIN), path, body);
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        });
    }

    public void updateContacts(String workerId, String email) throws Exception {
        HttpResponse<String> updated = send(bearer(TestToken.worker(workerId)), "/api/registry/workers/" + workerId
                + "/contacts", "PUT", "{\"email\":\"" + email + "\"}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    public HttpResponse<String> get(String authorization, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> anonymousGet(String path) throws Exception {
        return get(null, path);
    }

    public HttpResponse<String> post(String authorization, String path, String json) throws Exception {
        return send(authorization, path, "POST", json);
    }

    private HttpResponse<String> send(String authorization, String path, String method, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String bearer(TestToken token) {
        return "Bearer " + ISSUER.mint(token);
    }

    /** A token as auth-service issues it right after the worker confirmed a step-up one-time code. */
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

    /** A problem+json answer with this status that names {@code field} (when not null) among its errors. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(response.body()).contains(field);
        }
        return problem;
    }
}
