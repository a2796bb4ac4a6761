package ru.frmr.infra.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ru.frmr.observability.ObservabilityFiles;
import ru.frmr.observability.PrometheusConfig;
import ru.frmr.observability.PrometheusProcess;
import ru.frmr.topology.Topology;

/**
 * {@code --with-prometheus}: Debian's prometheus (from PATH) scraping every service the stack runs, with
 * infra/observability's rules, on Prometheus' usual port; its configuration, log and data in the data directory, so
 * its history survives a restart of the stack as Kafka's and Mongo's data do.
 */
final class LocalPrometheus {

    static final int PORT = 9090;
    /** Short, so a developer sees a request on the dashboards within seconds; production scrapes every 15 s. */
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private LocalPrometheus() {
    }

    /** The prometheus binary, or a startup failure saying how to install it. */
    static Path requireBinary() {
        return PrometheusProcess.find("prometheus").orElseThrow(() -> new StartupException(
                "--with-prometheus: prometheus is not installed (not on PATH, not in /usr/bin). Install Debian's "
                        + "package with: sudo bash infra/observability/install-prometheus.sh (or sudo apt-get install "
                        + "-y --no-install-recommends prometheus), or start without --with-prometheus."));
    }

    /**
     * One target per instance, labelled with its service's name (a replica's metrics carry the service's name too,
     * not the instance's); with {@code --only-infra} the services of the topology, run from the IDE on their ports.
     */
    static List<PrometheusConfig.ScrapeTarget> targets(List<ServiceSpec> specs) {
        List<ServiceSpec> scraped = specs.isEmpty() ? ServiceSpec.ALL : specs;
        return scraped.stream()
                .map(spec -> new PrometheusConfig.ScrapeTarget(Path.of(spec.module()).getFileName().toString(),
                        Topology.HOST + ":" + spec.managementPort()))
                .toList();
    }

    /** Starts it from the repository root's infra/observability and returns once it answers. */
    static PrometheusProcess start(Path binary, Path repoRoot, Path dataDir, List<ServiceSpec> specs) {
        Path home = dataDir.resolve("prometheus");
        return PrometheusProcess.start(binary, ObservabilityFiles.ofRepository(repoRoot), targets(specs),
                SCRAPE_INTERVAL, home, home.resolve("data"), Topology.HOST + ":" + PORT, READY_TIMEOUT);
    }
}
