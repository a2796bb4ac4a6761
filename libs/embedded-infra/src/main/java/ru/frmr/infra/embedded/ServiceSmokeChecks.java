package ru.frmr.infra.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * What every platform service shows from the service kit alone — probes and tagged metrics on the management
 * port and not on the API's, nothing else of actuator, problem+json for anonymous and unknown requests —
 * checked once here for all of them.
 */
public final class ServiceSmokeChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String managementUrl;
    private final TestJwtIssuer issuer;

    public ServiceSmokeChecks(int port, int managementPort, TestJwtIssuer issuer) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.managementUrl = "http://127.0.0.1:" + managementPort;
        this.issuer = issuer;
    }

    public void probesAreUp() {
        expectStatus(get(managementUrl, "/actuator/health/liveness", null), 200);
        expectStatus(get(managementUrl, "/actuator/health/readiness", null), 200);
    }

    public void metricsCarryTheServiceTag(String service) {
        HttpResponse<String> response = get(managementUrl, "/actuator/prometheus", null);
        expectStatus(response, 200);
        expect(response.body().contains("service=\"" + service + "\""), "metrics tagged service=" + service);
    }

    /**
     * Every named series is in the scrape from startup (the operators' alerts and dashboards query them): each name is
     * a Prometheus metric name as exposed, e.g. {@code frmr_relay_lag_seconds} or {@code http_server_requests_seconds_bucket}.
     */
    public void metricsInclude(String... names) {
        HttpResponse<String> response = get(managementUrl, "/actuator/prometheus", null);
        expectStatus(response, 200);
        java.util.Set<String> exposed = response.body().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(java.util.stream.Collectors.toSet());
        java.util.List<String> missing = java.util.Arrays.stream(names).filter(n -> !exposed.contains(n)).toList();
        expect(missing.isEmpty(), "metrics exposed from startup, missing: " + missing);
    }

    /** The API's port has no actuator: what an anonymous caller gets there is the kit's 401 for any path. */
    public void metricsAreNotOnTheApiPort() {
        expectProblem(get(baseUrl, "/actuator/prometheus", null), 401, "https://frmr.ru/problems/unauthorized");
        expectProblem(get(baseUrl, "/actuator/prometheus", TestToken.withRoles("REGISTRY_ADMIN")), 404,
                "https://frmr.ru/problems/not-found");
    }

    public void onlyOperationalEndpointsAreExposed() {
        HttpResponse<String> anonymous = get(managementUrl, "/actuator/env", null);
        expect(anonymous.statusCode() == 401 || anonymous.statusCode() == 404,
                "/actuator/env refused on the management port, got " + anonymous.statusCode());
        expectStatus(get(managementUrl, "/actuator/env", TestToken.withRoles("REGISTRY_ADMIN")), 404);
    }

    public void anonymousRequestsAreUnauthorizedProblems() {
        HttpResponse<String> response = get("/no-such-route", null);
        expectProblem(response, 401, "https://frmr.ru/problems/unauthorized");
        expect(response.headers().firstValue("WWW-Authenticate").orElse("").equals("Bearer"),
                "WWW-Authenticate: Bearer");
    }

    public void unknownRoutesAreNotFoundProblems() {
        expectProblem(get("/no-such-route", TestToken.withRoles("WORKER")), 404, "https://frmr.ru/problems/not-found");
    }

    private HttpResponse<String> get(String path, TestToken caller) {
        return get(baseUrl, path, caller);
    }

    private HttpResponse<String> get(String base, String path, TestToken caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (caller != null) {
            request.header("Authorization", "Bearer " + issuer.mint(caller));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void expectProblem(HttpResponse<String> response, int status, String type) {
        expectStatus(response, status);
        expect(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "Content-Type application/problem+json");
        expect(response.body().contains(type), "problem type " + type);
    }

    private static void expectStatus(HttpResponse<String> response, int status) {
        expect(response.statusCode() == status, "status " + status + " for " + response.uri() + ", got "
                + response.statusCode() + ": " + response.body());
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("Expected " + what);
        }
    }
}
