package ru.frmr.infra.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * What every platform service shows from the service kit alone — probes, tagged metrics, nothing else of
 * actuator, problem+json for anonymous and unknown requests — checked once here for all of them.
 */
public final class ServiceSmokeChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final TestJwtIssuer issuer;

    public ServiceSmokeChecks(int port, TestJwtIssuer issuer) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.issuer = issuer;
    }

    public void probesAreUp() {
        expectStatus(get("/actuator/health/liveness", null), 200);
        expectStatus(get("/actuator/health/readiness", null), 200);
    }

    public void metricsCarryTheServiceTag(String service) {
        HttpResponse<String> response = get("/actuator/prometheus", null);
        expectStatus(response, 200);
        expect(response.body().contains("service=\"" + service + "\""), "metrics tagged service=" + service);
    }

    public void onlyOperationalEndpointsAreExposed() {
        expectStatus(get("/actuator/env", null), 401);
        expectStatus(get("/actuator/env", TestToken.withRoles("REGISTRY_ADMIN")), 404);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
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
