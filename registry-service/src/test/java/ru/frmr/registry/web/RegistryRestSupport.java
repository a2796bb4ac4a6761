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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * The registry over REST against the in-process Kafka broker and Mongo wire server, called with tokens from a
 * test issuer. The ITs extending it share one application context (same properties, declared here once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RegistryRestSupport {

    private static final String DB = "registry_record_sections_it";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    static final TestToken ADMIN = TestToken.withRoles("REGISTRY_ADMIN").validFor(Duration.ofHours(1));

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

    /** Registers a worker as an administrator does; returns the worker id. */
    String registerWorker(String lastName) throws Exception {
        String body = JSON.writeValueAsString(Map.of("lastName", lastName, "firstName", "Анна",
                "birthDate", "1987-09-03", "snils", randomSnils(), "email", "a@example.ru"));
        HttpResponse<String> created = post(bearer(ADMIN), "/api/registry/workers", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** Submits a change with a step-up confirmed token and waits until the moderation queue knows it. */
    String submitAndAwaitQueue(TestToken worker, String workerId, String json) throws Exception {
        HttpResponse<String> submitted = post(confirmed(worker), "/api/registry/workers/" + workerId + "/changes",
                json);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String changeId = JSON.readTree(submitted.body()).get("changeId").asText();
        awaitJson(bearer(ADMIN), "/api/registry/workers/" + workerId + "/changes",
                changes -> changes.findValuesAsText("changeId").contains(changeId));
        return changeId;
    }

    /** A СНИЛС with a correct checksum, random enough not to clash with other tests' registrations. */
    private static String randomSnils() {
        long number = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        String digits = String.valueOf(number);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int checksum = sum < 100 ? sum : (sum % 101) % 100;
        return digits + String.format("%02d", checksum);
    }

    JsonNode awaitJson(String authorization, String path, Predicate<JsonNode> ready) {
        JsonNode[] holder = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> r = get(authorization, path);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode node = JSON.readTree(r.body());
            assertThat(ready.test(node)).as(r.body()).isTrue();
            holder[0] = node;
        });
        return holder[0];
    }

    long storedEvents() {
        return mongo.getCollection("domainevents").countDocuments();
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
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

    static String bearer(TestToken token) {
        return "Bearer " + ISSUER.mint(token);
    }

    /** A token as auth-service issues it right after the caller confirmed a step-up one-time code. */
    static String confirmed(TestToken token) {
        return "Bearer " + ISSUER.mint(token, Map.of("step_up", Instant.now().getEpochSecond()));
    }

    private HttpRequest.Builder request(String authorization, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    HttpResponse<String> get(String authorization, String path) throws Exception {
        return HTTP.send(request(authorization, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String authorization, String path, String json) throws Exception {
        return HTTP.send(request(authorization, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
