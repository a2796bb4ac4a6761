package ru.frmr.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/** The placeholder documents-service starts against real Kafka and Mongo and shows only what the service kit gives it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class DocumentsServiceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("documents_service_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
    }

    @LocalServerPort
    int port;

    @Test
    void probesAreUp() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCarryTheServiceTag() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("service=\"documents-service\"");
    }

    @Test
    void onlyOperationalEndpointsAreExposed() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", TestToken.withRoles("REGISTRY_ADMIN")).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutATokenEverythingButOperationsIsAnUnauthorizedProblem() throws Exception {
        HttpResponse<String> response = get("/no-such-route");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://frmr.ru/problems/unauthorized");
    }

    @Test
    void unknownRouteIsAProblem() throws Exception {
        HttpResponse<String> response = get("/no-such-route", TestToken.withRoles("WORKER"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://frmr.ru/problems/not-found");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, TestToken caller) throws Exception {
        return HTTP.send(request(path).header("Authorization", "Bearer " + ISSUER.mint(caller)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
