package ru.frmr.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * The query check against a real Prometheus (Debian's, started by {@link PrometheusProcess}) that scrapes two
 * exporters of this JVM: the good fixture passes, and every fault of the broken one is reported, all in one report.
 * Skipped, saying why, where prometheus is not installed (infra/observability/install-prometheus.sh installs it).
 */
class QueryCheckIT {

    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

    private static final AtomicLong requests = new AtomicLong();
    private static HttpServer alpha;
    private static HttpServer beta;
    private static PrometheusProcess prometheus;
    private static Path promtool;

    @BeforeAll
    static void startPrometheus(@TempDir Path dir) throws IOException {
        Path binary = PrometheusProcess.find("prometheus").orElse(null);
        promtool = PrometheusProcess.find("promtool").orElse(null);
        assumeTrue(binary != null && promtool != null, "prometheus and promtool are not installed: run "
                + "infra/observability/install-prometheus.sh as root (Debian's prometheus package)");
        alpha = exporter("alpha-service");
        beta = exporter("beta-service");
        // The broken fixture's rules hold the good one's and more: one Prometheus serves both checks.
        prometheus = PrometheusProcess.start(binary, Fixtures.of("broken"), List.of(
                        new PrometheusConfig.ScrapeTarget("alpha-service", "127.0.0.1:" + alpha.getAddress().getPort()),
                        new PrometheusConfig.ScrapeTarget("beta-service", "127.0.0.1:" + beta.getAddress().getPort())),
                SCRAPE_INTERVAL, dir, dir.resolve("data"), "127.0.0.1:" + PrometheusProcess.freePort(),
                Duration.ofSeconds(30));
        prometheus.awaitScrapes(3, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (alpha != null) {
            alpha.stop(0);
        }
        if (beta != null) {
            beta.stop(0);
        }
    }

    @Test
    void theGoodFixturePasses() {
        CheckReport report = new QueryCheck(Fixtures.of("good"), prometheus.client(), promtool).run();

        report.assertPassed();
        // 1 recording rule, 2 alerts (3 names), 3 targets with 2 services and "All" (the uri chained on each).
        assertThat(report.expressionsEvaluated()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyFaultOfTheBrokenFixtureIsReportedTogether() {
        CheckReport report = new QueryCheck(Fixtures.of("broken"), prometheus.client(), promtool).run();

        assertThat(report.failures()).extracting(f -> f.file() + " | " + f.where() + " | " + firstLine(f.problem()))
                .containsExactly(
                        "rules/tests/fixture-test.yml | promtool test rules | exit code 1:",
                        "rules/fixture.yml | recording rule service:nothing:rate1m (group fixture-faults) | no series",
                        "rules/fixture.yml | alert FixtureMissingMetric (group fixture-faults) | metric "
                                + "frmr_missing_gauge has no series",
                        "grafana/dashboards/not-json.json | JSON | " + firstLine(report.failures().get(3).problem()),
                        "grafana/dashboards/faults.json | panels[0].datasource | data source \"nowhere\" is not "
                                + "defined by grafana/provisioning/datasources (defined: [fixture-prometheus, "
                                + "Prometheus])",
                        "grafana/dashboards/faults.json | panels[2].title | variable $instance is not defined "
                                + "(templating.list) nor one of Grafana's",
                        "grafana/dashboards/faults.json | panels[2].targets[0].expr | variable $instance is not "
                                + "defined (templating.list) nor one of Grafana's",
                        "grafana/dashboards/overview.json | uid \"fixture-overview\" | the uid is also that of "
                                + "grafana/dashboards/faults.json",
                        "grafana/dashboards/faults.json | templating variable nothing | variable $nothing (query: "
                                + "label_values(frmr_nothing_here, service)) resolves to no value",
                        "grafana/dashboards/faults.json | panel \"Misspelt\" (id 1) target A with "
                                + "[service=alpha-service] [service=beta-service] | no series",
                        "grafana/dashboards/faults.json | panel \"Unbalanced\" (id 2) target A | "
                                + firstLine(report.failures().get(10).problem()),
                        "grafana/dashboards/faults.json | panel \"On $instance\" (id 3) target A with "
                                + "[service=alpha-service] [service=beta-service] | no series");
        assertThat(report.failures().get(0).problem()).contains("FixtureServiceDown");
        assertThat(report.failures().get(3).problem()).contains("Unexpected end-of-input");
        assertThat(report.failures().get(10).problem()).startsWith("bad_data: ");
        assertThat(report.failures().get(10).expression())
                .isEqualTo("sum(rate(http_server_requests_seconds_count[1m])");
        assertThat(report.summary()).startsWith("Prometheus query check: 2 dashboards, 5 rules").contains("12 failures");
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    /** Serves a few metrics as a service's management port does, the service label on each. */
    private static HttpServer exporter(String service) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/prometheus", exchange -> {
            String tags = "service=\"" + service + "\"";
            byte[] body = ("http_server_requests_seconds_count{" + tags + ",uri=\"/api/x\",status=\"200\"} "
                    + requests.incrementAndGet() + "\n"
                    + "jvm_threads_live_threads{" + tags + "} 12\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
