package ru.frmr.observability;

import java.nio.file.Path;

/**
 * The query check against a Prometheus that already runs, e.g. the local stack's ({@code --with-prometheus}), from
 * the repository root (the local stack's jar carries this class):
 * <pre>
 * java -cp infra/local-stack/target/local-stack.jar ru.frmr.observability.QueryCheckMain [PROMETHEUS_URL [DIR]]
 * </pre>
 * PROMETHEUS_URL defaults to {@code http://127.0.0.1:9090}, DIR to {@code infra/observability}. promtool's checks run
 * when promtool is installed. Prints every failure; the exit code is 1 when there is one, 2 on bad arguments.
 */
public final class QueryCheckMain {

    private QueryCheckMain() {
    }

    public static void main(String[] args) {
        if (args.length > 2 || (args.length > 0 && args[0].startsWith("-"))) {
            System.err.println("Usage: QueryCheckMain [PROMETHEUS_URL [DIR]]  (defaults: http://127.0.0.1:9090, "
                    + "infra/observability)");
            System.exit(2);
        }
        PrometheusClient prometheus = new PrometheusClient(args.length > 0 ? args[0] : "http://127.0.0.1:9090");
        ObservabilityFiles files = new ObservabilityFiles(Path.of(args.length > 1 ? args[1] : "infra/observability"));
        if (!prometheus.isReady()) {
            System.err.println("Prometheus at " + prometheus.baseUrl() + " is not ready (start the local stack with "
                    + "--with-prometheus)");
            System.exit(1);
        }
        Path promtool = PrometheusProcess.find("promtool").orElse(null);
        if (promtool == null) {
            System.err.println("promtool is not installed: its checks are left out");
        }
        CheckReport report = new QueryCheck(files, prometheus, promtool).run();
        System.out.println(report.summary());
        System.exit(report.passed() ? 0 : 1);
    }
}
