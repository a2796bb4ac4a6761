package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * The gateway as deployed, in front of {@link DownstreamStub} (registry, audit, auth, documents, portal) and a closed port
 * (employer); the portal has a second copy that is down (a closed port), notification-service one that resets every
 * connection ({@link ResettingUpstream}), checking tokens against a {@link TestJwtIssuer}. Subclasses share one context. The time limit
 * is cut to 1 s to keep the slow case quick, and the account, address and public budgets are cut (the login
 * budgets keep their defaults) to keep their tests short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "frmr.gateway.response-timeout=1s",
        "frmr.gateway.rate-limits.api.limit=" + GatewayTestSupport.ACCOUNT_LIMIT,
        "frmr.gateway.rate-limits.address.limit=" + GatewayTestSupport.ADDRESS_LIMIT,
        "frmr.gateway.rate-limits.public-reads.limit=" + GatewayTestSupport.PUBLIC_LIMIT,
        "frmr.gateway.rate-limits.search.limit=" + GatewayTestSupport.SEARCH_LIMIT,
        // A copy that refused is not set aside, so every other request to the portal meets the copy that is down.
        "frmr.gateway.retry.avoid-for=0s"})
@AutoConfigureObservability
abstract class GatewayTestSupport {

    static final int ACCOUNT_LIMIT = 40;
    static final int ADDRESS_LIMIT = 250;
    static final int PUBLIC_LIMIT = 40;
    static final int SEARCH_LIMIT = 20;

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("frmr.gateway.services.registry", () -> DownstreamStub.get().baseUrl());
        registry.add("frmr.gateway.services.audit", () -> DownstreamStub.get().baseUrl());
        registry.add("frmr.gateway.services.auth", () -> DownstreamStub.get().baseUrl());
        // Two copies of the portal, one of them down: every request must reach the other.
        registry.add("frmr.gateway.services.portal",
                () -> "http://127.0.0.1:" + DownstreamStub.closedPort() + "," + DownstreamStub.get().baseUrl());
        // Two copies of notification-service, one of which resets every connection once it has read the request.
        registry.add("frmr.gateway.services.notification",
                () -> ResettingUpstream.get().baseUrl() + "," + DownstreamStub.get().baseUrl());
        registry.add("frmr.gateway.services.documents", () -> DownstreamStub.get().baseUrl());
        registry.add("frmr.gateway.services.employer", () -> "http://127.0.0.1:" + DownstreamStub.closedPort());
        registry.add("frmr.gateway.jwks-uri", ISSUER::jwksUri);
    }

    /** An account of each test's own (JUnit makes an instance per test), so no test spends another's budget. */
    final TestToken caller = TestToken.withRoles("REGISTRY_ADMIN");

    @LocalServerPort
    int port;

    /** Probes and metrics: a port of their own, on 127.0.0.1. */
    @LocalManagementPort
    int managementPort;

    /** As {@link #caller}. */
    HttpRequest.Builder request(String pathAndQuery) {
        return request(pathAndQuery, caller);
    }

    HttpRequest.Builder request(String pathAndQuery, TestToken token) {
        return anonymous(pathAndQuery).header("Authorization", "Bearer " + ISSUER.mint(token));
    }

    HttpRequest.Builder anonymous(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
    }

    HttpRequest.Builder management(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // A hung gateway fails the test instead of the whole build.
        return HTTP.send(request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET());
    }

    /** Checks the problem+json shape every gateway-side error shares, and returns it for more checks. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://frmr.ru/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).isEqualTo(response.uri().getRawPath());
        assertThat(problem.path("traceId").asText()).matches("[0-9a-f]{16,32}");
        return problem;
    }
}
