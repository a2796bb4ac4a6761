package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the gateway itself does to every request: ids, limits, headers, CORS, errors, operations. Requests
 * carry a valid token unless a test says otherwise; {@link SecurityIT} is about tokens.
 */
class EdgeIT extends GatewayTestSupport {

    private static final int ONE_MIB = 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"/api/nope", "/api/unknown/x", "/.well-known/nope", "/actuator/env", "/actuator/prometheus", "/actuator/health"})
    void unroutedPathsAreNotFoundProblems(String path) throws Exception {
        assertProblem(get(path), 404, "not-found");
    }

    @Test
    void unsupportedMethodIsAProblem() throws Exception {
        assertProblem(send(management("/actuator/health").DELETE()), 405, "method-not-allowed");
    }

    @Test
    void wellFormedRequestIdIsKept() throws Exception {
        HttpResponse<String> response = send(request("/api/registry/workers/w-1").header("X-Request-Id", "portal-42"));

        assertThat(response.headers().firstValue("X-Request-Id")).contains("portal-42");
        assertThat(DownstreamStub.get().lastReceived().header("X-Request-Id")).isEqualTo("portal-42");
    }

    @Test
    void malformedRequestIdIsReplaced() throws Exception {
        HttpResponse<String> response = send(request("/api/registry/workers/w-1").header("X-Request-Id", "a b\"c"));

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(DownstreamStub.get().lastReceived().header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void errorResponsesCarryARequestIdToo() throws Exception {
        assertThat(get("/nope").headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void bodyAtTheLimitIsPassedOn() throws Exception {
        HttpResponse<String> response = send(request("/api/registry/files")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(ONE_MIB))));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(DownstreamStub.get().lastReceived().body()).hasSize(ONE_MIB);
    }

    @Test
    void declaredBodyOverTheLimitIsAPayloadTooLargeProblem() throws Exception {
        HttpResponse<String> response = send(request("/api/registry/files")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(ONE_MIB + 1))));

        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void chunkedBodyOverTheLimitIsAPayloadTooLargeProblem() throws Exception {
        byte[] body = body(2 * ONE_MIB);
        HttpResponse<String> response = send(request("/api/registry/files")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "payload-too-large");
        // Only a chunked body gets as far as the breaker; the caller's fault must not count against the service.
        assertThat(send(management("/actuator/prometheus")).body()).containsPattern(
                "resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"ignored\",name=\"registry\"[^}]*} [1-9]");
    }

    @Test
    void securityHeadersAreOnProxiedAndErrorResponses() throws Exception {
        for (HttpResponse<String> response : List.of(get("/api/registry/workers/w-1"), get("/api/x"))) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void portalOriginMayCallTheApi() throws Exception {
        HttpResponse<String> response = send(request("/api/registry/workers/w-1")
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:8080");
    }

    @Test
    void otherOriginsAreForbidden() throws Exception {
        HttpResponse<String> response = send(request("/api/registry/workers/w-1")
                .header("Origin", "https://evil.example"));

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void probesAreUpOnTheManagementPort() throws Exception {
        assertThat(send(management("/actuator/health/liveness")).statusCode()).isEqualTo(200);
        assertThat(send(management("/actuator/health/readiness")).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreOnTheManagementPortAndCarryTheServiceTag() throws Exception {
        HttpResponse<String> response = send(management("/actuator/prometheus"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("service=\"gateway\"");
        assertThat(managementPort).isNotEqualTo(port);
    }

    @Test
    void metricsAreNotServedOnThePublicPort() throws Exception {
        assertProblem(send(anonymous("/actuator/prometheus")), 404, "not-found");
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }
}
