package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import ru.frmr.observability.CheckReport;
import ru.frmr.observability.ObservabilityFiles;
import ru.frmr.observability.PrometheusConfig;
import ru.frmr.observability.PrometheusProcess;
import ru.frmr.observability.QueryCheck;

/**
 * The Prometheus query check against the running platform: a Prometheus of this test's own (Debian's binary, installed
 * by infra/observability/install-prometheus.sh before the integration tests) scrapes every service's management port
 * every 2 s with the repository's rules loaded; once every target is up, a person logs in and calls each service's
 * API through the gateway, so the request series exist everywhere; after a few more scrapes (rates need two samples,
 * recording rules an evaluation on them) {@link QueryCheck} runs promtool's checks, checks the dashboards' JSON and
 * evaluates every panel target and every rule expression, and every failure is reported in one message. Skipped,
 * with the reason, only where prometheus or promtool is not installed.
 *
 * <p>{@code -Dfrmr.observability.dir=DIR} checks another directory of the same shape (a fixture).
 */
@ExtendWith(SharedPlatform.class)
class PrometheusCheckIT {

    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);
    /**
     * Every target up at once: a scrape that outlasts the interval on a busy machine counts as down, and the next one
     * is waited for.
     */
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void everyDashboardPanelAndRuleExpressionReturnsSeriesFromTheRunningPlatform(@TempDir Path storage)
            throws IOException {
        Path prometheusBinary = PrometheusProcess.find("prometheus").orElse(null);
        Path promtool = PrometheusProcess.find("promtool").orElse(null);
        assumeTrue(prometheusBinary != null && promtool != null, "prometheus or promtool is not installed (neither "
                + "on PATH nor in /usr/bin): run infra/observability/install-prometheus.sh as root, or "
                + "apt-get install -y prometheus");
        Platform platform = SharedPlatform.get();
        ObservabilityFiles files = observabilityFiles();
        List<PrometheusConfig.ScrapeTarget> targets = platform.managementPorts().entrySet().stream()
                .map(e -> new PrometheusConfig.ScrapeTarget(e.getKey(), "127.0.0.1:" + e.getValue()))
                .toList();

        // Its configuration and log stay beside the services' logs; its storage goes with the test.
        Path workDir = Platform.freshLogDir(PrometheusCheckIT.class);
        try (PrometheusProcess prometheus = PrometheusProcess.start(prometheusBinary, files, targets,
                SCRAPE_INTERVAL, workDir, storage, "127.0.0.1:" + PrometheusProcess.freePort(),
                Duration.ofSeconds(30))) {
            prometheus.awaitScrapes(1, UP_TIMEOUT);
            driveTraffic(platform);
            prometheus.awaitScrapes(prometheus.successfulScrapes() + 2, UP_TIMEOUT);

            CheckReport report = new QueryCheck(files, prometheus.client(), promtool).run();

            System.out.println(report.summary());
            report.assertPassed();
            assertThat(report.expressionsEvaluated()).as("expressions evaluated").isPositive();
        }
    }

    private static ObservabilityFiles observabilityFiles() {
        String dir = System.getProperty("frmr.observability.dir");
        if (dir != null) {
            return new ObservabilityFiles(Path.of(dir));
        }
        return ObservabilityFiles.ofRepository(Path.of(System.getProperty("frmr.repo.root", "../..")));
    }

    /**
     * A login (ESIA emulator, auth-service, gateway), the worker's own data from each service behind the gateway and
     * an anonymous public search and page (registry, portal): Spring registers a request timer at a service's first
     * request, so each service needs one before a request panel of its can show series. Every call must reach its
     * service: a 5xx would be the gateway's (unreachable service, open circuit breaker) or a bug.
     */
    private static void driveTraffic(Platform platform) {
        Api anonymous = new Api(platform.url(Platform.GATEWAY));
        Login.Session ivanova = Login.as(platform, "ivanova");
        Api worker = anonymous.as(ivanova.accessToken());
        List<Api.Response> answers = List.of(
                worker.get("/api/registry/workers/" + ivanova.workerId()),
                worker.get("/api/employer/organizations?q=" + URLEncoder.encode("больница", StandardCharsets.UTF_8)),
                worker.get("/api/documents/me/certificates"),
                worker.get("/api/notifications/me/inbox"),
                worker.get("/api/support/me/requests"),
                worker.get("/api/audit/me/access"),
                anonymous.get("/api/audit/public/checkpoint"),
                worker.get("/api/auth/sessions"),
                anonymous.get("/api/registry/public/workers?q=" + URLEncoder.encode("иванова", StandardCharsets.UTF_8)),
                anonymous.get("/"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isLessThan(500));
    }
}
