package ru.frmr.infra.localstack;

import java.nio.file.Path;

/** Command-line options of the launcher. */
record Options(Path dataDir, boolean onlyInfra, boolean help, boolean withPrometheus) {

    static final String USAGE = """
            Usage: java -jar infra/local-stack/target/local-stack.jar [--data-dir DIR] [--only-infra]
                   [--with-prometheus]
              --data-dir DIR     where Kafka, Mongo and the service logs keep their files (default .frmr-data)
              --only-infra       start Kafka and Mongo only, e.g. to run a service from the IDE
              --with-prometheus  also start Prometheus (Debian's prometheus, from PATH) on 127.0.0.1:9090,
                                 scraping every service with infra/observability's rules; data in DIR/prometheus
              --help             print this text
            Run it from the repository root after ./mvnw -DskipTests package.""";

    static Options parse(String... args) {
        Path dataDir = Path.of(".frmr-data");
        boolean onlyInfra = false;
        boolean help = false;
        boolean withPrometheus = false;
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
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return new Options(dataDir, onlyInfra, help, withPrometheus);
    }

    private static Path dataDir(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--data-dir needs a directory");
        }
        return Path.of(value);
    }
}
