package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * What the service kit gives auth-service: probes and metrics with the service tag on the management port, not on
 * the API's, nothing else exposed.
 */
class OperationalEndpointsIT extends AuthIntegrationTest {

    @Test
    void probesAreUp() {
        Browser probe = browser("kubelet");
        assertThat(probe.get(management() + "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(probe.get(management() + "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCarryTheServiceTagAndTheLoginCounters() {
        Browser browser = browser("Firefox");
        login(browser, TestPeople.IVANOVA);
        HttpResponse<String> metrics = browser.get(management() + "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("service=\"auth-service\"")
                .contains("frmr_auth_logins_total{").contains("outcome=\"succeeded\"");
        Set<String> exposed = metrics.body().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        assertThat(exposed).as("the operators' series, from startup").contains(
                "frmr_relay_lag_seconds",
                "frmr_axon_processor_lag_seconds",
                "frmr_relay_published_total",
                "frmr_relay_failures_total",
                "frmr_consumer_events_total",
                "frmr_consumer_dead_lettered_total",
                "kafka_producer_record_send_total",
                "kafka_consumer_fetch_manager_records_lag_max",
                "jvm_memory_used_bytes",
                "process_start_time_seconds",
                "http_server_requests_seconds_bucket",
                "frmr_auth_logins_total",
                "frmr_auth_lockouts_total",
                "frmr_auth_refresh_token_reuse_total");
    }

    @Test
    void onlyOperationalEndpointsAreExposed() {
        Browser browser = browser("curl");
        assertProblem(browser.get(browser.authBase() + "/actuator/env"), 401, "unauthorized");
        String token = login(browser, TestPeople.IVANOVA).accessToken();
        assertThat(browser.get("/actuator/env", token).statusCode()).isEqualTo(404);
        assertThat(browser.get("/actuator/prometheus", token).statusCode()).isEqualTo(404);
    }

    private String management() {
        return "http://127.0.0.1:" + managementPort;
    }

    @Test
    void unknownRouteIsAProblem() {
        Browser browser = browser("curl");
        assertProblem(browser.get(browser.authBase() + "/no-such-route"), 401, "unauthorized");
        String token = login(browser, TestPeople.IVANOVA).accessToken();
        assertProblem(browser.get("/no-such-route", token), 404, "not-found");
    }
}
