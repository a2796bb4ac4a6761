package ru.frmr.infra.localstack;

import java.nio.file.Path;

/** Command-line options of the launcher. */
record Options(Path dataDir, boolean onlyInfra, boolean help) {

    static final String USAGE = """
            Usage: java -jar infra/local-stack/target/local-stack.jar [--data-dir DIR] [--only-infra]
              --data-dir DIR  where Kafka, Mongo and the service logs keep their files (default .frmr-data)
              --only-infra    start Kafka and Mongo only, e.g. to run a service from the IDE
              --help          print this text
            Run it from the repository root after ./mvnw -DskipTests package.""";

    static Options parse(String... args) {
        Path dataDir = Path.of(".frmr-data");
        boolean onlyInfra = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--only-infra")) {
                onlyInfra = true;
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
        return new Options(dataDir, onlyInfra, help);
    }

    private static Path dataDir(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--data-dir needs a directory");
        }
        return Path.of(value);
    }
}
