package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** What the service kit gives auth-service: probes, metrics with the service tag, nothing else exposed. */
class OperationalEndpointsIT extends AuthIntegrationTest {

    @Test
    void probesAreUp() {
        Browser probe = browser("kubelet");
        assertThat(probe.get(probe.authBase() + "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(probe.get(probe.authBase() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCarryTheServiceTagAndTheLoginCounters() {
        Browser browser = browser("Firefox");
        login(browser, TestPeople.IVANOVA);
        HttpResponse<String> metrics = browser.get(browser.authBase() + "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("service=\"auth-service\"")
                .contains("frmr_auth_logins_total{").contains("outcome=\"succeeded\"");
    }

    @Test
    void onlyOperationalEndpointsAreExposed() {
        Browser browser = browser("curl");
        assertProblem(browser.get(browser.authBase() + "/actuator/env"), 401, "unauthorized");
        String token = login(browser, TestPeople.IVANOVA).accessToken();
        assertThat(browser.get("/actuator/env", token).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownRouteIsAProblem() {
        Browser browser = browser("curl");
        assertProblem(browser.get(browser.authBase() + "/no-such-route"), 401, "unauthorized");
        String token = login(browser, TestPeople.IVANOVA).accessToken();
        assertProblem(browser.get("/no-such-route", token), 404, "not-found");
    }
}
