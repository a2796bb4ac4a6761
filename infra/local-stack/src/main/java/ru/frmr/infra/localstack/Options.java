package ru.frmr.infra.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of the launcher.
 *
 * @param replicas       how many copies of a service to run, by service name, for those given more than one
 * @param withPrometheus also start Prometheus, scraping every service with infra/observability's rules
 */
record Options(Path dataDir, boolean onlyInfra, boolean help, Map<String, Integer> replicas, boolean withPrometheus) {

    /** The most copies of one service: each takes two more ports (+100 each, see {@link Replicas}). */
    static final int MAX_REPLICAS = 9;

    Options {
        replicas = Map.copyOf(replicas);
    }

    Options(Path dataDir, boolean onlyInfra, boolean help) {
        this(dataDir, onlyInfra, help, Map.of(), false);
    }

    static final String USAGE = """
            Usage: java -jar infra/local-stack/target/local-stack.jar [--data-dir DIR] [--only-infra]
                                 [--replicas SERVICE=N[,SERVICE=N...]]... [--with-prometheus]
              --data-dir DIR     where Kafka, Mongo and the service logs keep their files (default .frmr-data)
              --only-infra       start Kafka and Mongo only, e.g. to run a service from the IDE
              --replicas registry-service=2
                                 run N copies of a service behind the gateway (repeatable, or a comma list); copy k
                                 takes the service's ports + 100 * (k - 1), e.g. registry-service-2 on 8181 (9181)
              --with-prometheus  also start Prometheus (Debian's prometheus, from PATH) on 127.0.0.1:9090,
                                 scraping every service with infra/observability's rules; data in DIR/prometheus
              --help             print this text
            Run it from the repository root after ./mvnw -DskipTests package.""";

    static Options parse(String... args) {
        Path dataDir = Path.of(".frmr-data");
        boolean onlyInfra = false;
        boolean help = false;
        boolean withPrometheus = false;
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--only-infra")) {
                onlyInfra = true;
            } else if (arg.equals("--with-prometheus")) {
                withPrometheus = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = dataDir(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--data-dir")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--data-dir needs a directory");
                }
                dataDir = dataDir(args[++i]);
            } else if (arg.startsWith("--replicas=")) {
                replicas(arg.substring("--replicas=".length()), replicas);
            } else if (arg.equals("--replicas")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--replicas needs SERVICE=N, e.g. registry-service=2");
                }
                replicas(args[++i], replicas);
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return new Options(dataDir, onlyInfra, help, replicas, withPrometheus);
    }

    private static void replicas(String value, Map<String, Integer> replicas) {
        for (String item : value.split(",")) {
            String[] parts = item.trim().split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("[0-9]{1,2}")) {
                throw new IllegalArgumentException("--replicas needs SERVICE=N, e.g. registry-service=2, not '"
                        + item.trim() + "'");
            }
            int count = Integer.parseInt(parts[1]);
            if (count < 1 || count > MAX_REPLICAS) {
                throw new IllegalArgumentException("--replicas " + parts[0] + ": between 1 and " + MAX_REPLICAS
                        + " copies, not " + count);
            }
            replicas.put(parts[0].trim(), count);
        }
    }

    private static Path dataDir(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--data-dir needs a directory");
        }
        return Path.of(value);
    }
}
