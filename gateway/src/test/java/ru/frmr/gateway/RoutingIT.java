package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import ru.frmr.gateway.DownstreamStub.Received;

/** Requests reach the service behind each route intact, and the service's answers come back intact. */
@ExtendWith(OutputCaptureExtension.class)
class RoutingIT extends GatewayTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void getIsProxiedWithPathQueryAndCorrelationHeaders() throws Exception {
        HttpResponse<String> response = get("/api/registry/workers/w-1?fields=name&q=%D0%98%D0%B2%D0%B0%D0%BD");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"w-1\"}");
        Received received = DownstreamStub.get().lastReceived();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.uri()).isEqualTo("/api/registry/workers/w-1?fields=name&q=%D0%98%D0%B2%D0%B0%D0%BD");
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(received.header("X-Request-Id")).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void theCallersTraceContinuesDownstream() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = send(request("/api/registry/workers/w-1")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        // The same trace, a span of the gateway's own.
        assertThat(DownstreamStub.get().lastReceived().header("traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void theGatewaysRequestLineCarriesTheTraceIdAndNoSpanIsExportedWithoutAnOtlpEndpoint(CapturedOutput output)
            throws Exception {
        String traceId = "5b8efff798038103d269b633813fc60c";
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("ru.frmr.gateway.requests", LogLevel.DEBUG);
        try {
            HttpResponse<String> response = send(request("/api/registry/workers/w-1")
                    .header("traceparent", "00-" + traceId + "-eee19b7ec3c1b174-01").GET());
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            logging.setLogLevel("ru.frmr.gateway.requests", null);
        }

        assertThat(output.getOut()).containsPattern("\\[" + traceId + "-[0-9a-f]{16}\\].*GET to route registry");
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
    }

    @Test
    void eachRouteIsTimedByTheServerObservation() throws Exception {
        assertThat(get("/api/registry/workers/w-1").statusCode()).isEqualTo(200);

        assertThat(send(management("/actuator/prometheus")).body()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*route=\"registry\"[^}]*} [1-9]");
    }

    @Test
    void postBodyIsProxiedIntact() throws Exception {
        String json = "{\"snils\":\"112-233-445 95\",\"fullName\":\"Иванов Иван\"}";
        HttpResponse<String> response = send(request("/api/audit/entries")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(json);
        Received received = DownstreamStub.get().lastReceived();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/api/audit/entries");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(received.header("X-Request-Id")).isNotBlank();
        assertThat(received.header("traceparent")).isNotBlank();
    }

    @Test
    void theServiceLearnsTheClientsAddressNotOneTheCallerMadeUp() throws Exception {
        send(request("/api/registry/workers/w-1").header("X-Forwarded-For", "203.0.113.66, 198.51.100.1"));

        // No trusted proxies configured here: the socket's peer is the client, whatever the header said.
        assertThat(DownstreamStub.get().lastReceived().header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void everyOtherPathIsThePortals() throws Exception {
        HttpResponse<String> response = send(anonymous("/cabinet?tab=1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(DownstreamStub.get().lastReceived().uri()).isEqualTo("/cabinet?tab=1");
        assertThat(send(anonymous("/")).statusCode()).isEqualTo(200);
        assertThat(DownstreamStub.get().lastReceived().uri()).isEqualTo("/");
    }

    @Test
    void downstreamProblemPassesThroughUnchanged() throws Exception {
        HttpResponse<String> response = get("/api/registry/workers/w-404");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).isEqualTo(DownstreamStub.PROBLEM);
    }

    @Test
    void downstreamServerErrorPassesThroughUnchanged() throws Exception {
        HttpResponse<String> response = get("/api/registry/broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("downstream failure");
    }

    @Test
    void serviceThatIsDownIsAnUnavailableProblem() throws Exception {
        HttpResponse<String> response = get("/api/employer/organisations");

        JsonNode problem = assertProblem(response, 503, "unavailable");
        assertThat(problem.path("detail").asText()).doesNotContain("127.0.0.1", "onnect", "Exception");
    }

    @Test
    void serviceSlowerThanTheTimeLimitIsAGatewayTimeoutProblem() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/audit/slow");

        assertProblem(response, 504, "unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void everyRequestToAServiceWithACopyDownReachesTheOtherCopy() throws Exception {
        // The portal's two copies: one refuses connections. Each copy is first in turn, so half of these start there.
        for (int i = 0; i < 4; i++) {
            String getPath = "/replicas/read-" + i + "-" + System.nanoTime();
            HttpResponse<String> read = send(anonymous(getPath + "?q=%D0%98").GET());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(DownstreamStub.get().received(getPath)).isTrue();

            String postPath = "/replicas/write-" + i + "-" + System.nanoTime();
            String form = "field=" + i;
            HttpResponse<String> write = send(anonymous(postPath)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(write.statusCode()).isEqualTo(201);
            // Passed on whole, though nothing held the body for the retry: the copy that is down never read it.
            assertThat(write.body()).isEqualTo(form);
        }
    }

    @Test
    void aReadWhoseConnectionIsResetIsRetriedOnAnotherCopy() throws Exception {
        // notification-service's two copies: one resets every connection after reading the request. Of two requests
        // in a row, one starts there.
        String[] paths = {"/api/notifications/me/inbox-" + System.nanoTime(), "/api/support/requests-" + System.nanoTime()};
        for (String path : paths) {
            assertThat(get(path).statusCode()).isEqualTo(200);
            assertThat(DownstreamStub.get().received(path)).isTrue();
        }
        assertThat(ResettingUpstream.get().received(paths[0]) + ResettingUpstream.get().received(paths[1]))
                .isEqualTo(1);
    }

    @Test
    void aWriteWhoseConnectionIsResetAfterSendingIsNotSentAgain() throws Exception {
        String[] paths = {"/api/support/requests-" + System.nanoTime(), "/api/notifications/me/preferences-" + System.nanoTime()};
        int reset = 0;
        for (String path : paths) {
            HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")));
            if (ResettingUpstream.get().received(path) > 0) {
                // The copy read it and died: it may have acted on it, so only the caller may send it again.
                reset++;
                assertProblem(response, 503, "unavailable");
                assertThat(ResettingUpstream.get().received(path)).isEqualTo(1);
                assertThat(DownstreamStub.get().received(path)).isFalse();
            } else {
                assertThat(response.statusCode()).isEqualTo(201);
            }
        }
        assertThat(reset).isEqualTo(1);
    }
}
