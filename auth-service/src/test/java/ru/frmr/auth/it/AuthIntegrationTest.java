package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.auth.DevKeys;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.TestInfra;

/**
 * auth-service with the local profile against a real Kafka broker, the Mongo wire server, the real ESIA
 * emulator (a process) and a real SMTP server. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ActiveProfiles("local")
abstract class AuthIntegrationTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        properties("auth_service_it").forEach((k, v) -> registry.add(k, () -> v));
    }

    /** What points auth-service at the test infrastructure; also used to start extra contexts by hand. */
    static Map<String, String> properties(String database) {
        SharedTestInfra infra = SharedTestInfra.get();
        return properties(database, infra, infra.kafkaSubscriberBootstrapServers());
    }

    /**
     * As {@link #properties(String)} on another broker and Mongo (a *ContainersIT class's containers), whose broker
     * has no separate listener for agencies: {@code subscriberBootstrapServers} is only what agencies are told.
     */
    static Map<String, String> properties(String database, TestInfra infra, String subscriberBootstrapServers) {
        return Map.of(
                "spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers(),
                "spring.data.mongodb.uri", infra.mongoUri(database),
                "frmr.dev-keys", DevKeys.DIR.toString(),
                "frmr.esia.base-url", EsiaEmulator.baseUrl(),
                "spring.mail.port", String.valueOf(Mailbox.port()),
                "frmr.auth.agencies.kafka.subscriber-bootstrap-servers", subscriberBootstrapServers,
                // No registry here to announce a registry number: a first login waits only briefly for it.
                "frmr.auth.worker-link-wait", "300ms");
    }

    @LocalServerPort
    int port;

    /** Probes and metrics, on 127.0.0.1. */
    @LocalManagementPort
    int managementPort;

    Browser browser(String userAgent) {
        return new Browser(port, userAgent);
    }

    /** A whole login as a person would do it, with the mailed one-time code where the account needs one. */
    static LoggedIn login(Browser browser, TestPeople person) {
        URI callback = browser.signInAtEmulator(browser.startLogin(), person.login);
        int mailsBefore = Mailbox.count(person.email());
        HttpResponse<String> answer = browser.get(callback.toString());
        URI next = Browser.redirect(answer);
        if (next.getPath().equals("/api/auth/second-factor")) {
            String code = Mailbox.awaitCode(person.email(), mailsBefore);
            HttpResponse<String> verified = browser.postJson("/api/auth/second-factor",
                    "{\"code\":\"" + code + "\"}", null);
            assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
            return new LoggedIn(Browser.json(verified).get("access_token").asText(), code);
        }
        assertThat(next).isEqualTo(URI.create("http://localhost:8080/"));
        HttpResponse<String> token = browser.refresh();
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new LoggedIn(Browser.json(token).get("access_token").asText(), null);
    }

    static void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = Browser.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("https://frmr.ru/problems/" + kind);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    /** @param code the one-time code the login needed, or null */
    record LoggedIn(String accessToken, String code) {
    }
}
