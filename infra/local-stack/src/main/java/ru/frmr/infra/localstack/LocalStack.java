package ru.frmr.infra.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.observability.PrometheusProcess;
import ru.frmr.topology.Topology;

/**
 * Runs the whole FRMR platform on a developer machine: Kafka and Mongo in this JVM, each service as its own
 * process. Start it from the repository root; Ctrl-C stops everything.
 */
public final class LocalStack {

    /**
     * Nine JVMs start at once; on a 2-core machine that already builds or tests something they need minutes. A
     * service that hangs is still reported, just later.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(420);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final int LOG_TAIL_LINES = 40;

    private static final PrintStream out = System.out;

    private LocalStack() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return;
        }
        try {
            run(options);
        } catch (StartupException e) {
            System.err.println(e.getMessage());
            // The shutdown hook, once registered, stops whatever did start.
            System.exit(1);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Options options) {
        Topology topology = Replicas.apply(Topology.LOCAL, options.replicas());
        List<ServiceSpec> specs = options.onlyInfra() ? List.of() : ServiceSpec.launchOrder(topology);
        Path prometheusBinary = options.withPrometheus() ? LocalPrometheus.requireBinary() : null;
        Map<ServiceSpec, Path> jars = Preflight.findJars(Path.of(""), specs);
        Map<String, Integer> ports = portsByOwner(specs);
        if (prometheusBinary != null) {
            ports.put("Prometheus", LocalPrometheus.PORT);
        }
        Preflight.checkPortsFree(ports);
        Path dataDir = createDataDir(options.dataDir());

        out.println("Starting Kafka, Mongo, SMTP and the SMS emulator with data in " + dataDir);
        Stack stack = Stack.startInfra(dataDir);
        AtomicReference<PrometheusProcess> prometheus = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the FRMR local stack...");
            // Prometheus first: it would only record the services going down.
            PrometheusProcess running = prometheus.get();
            if (running != null) {
                running.close();
            }
            stack.close();
            out.println("Stopped.");
        }, "local-stack-shutdown"));

        jars.forEach((spec, jar) -> {
            out.println("Starting " + spec.name() + " on port " + spec.port() + " (management " + spec.managementPort()
                    + ")");
            // The gateway is told every copy of a replicated service; it reads the rest from the topology.
            stack.launch(spec, jar, spec.name().equals(Topology.GATEWAY) ? Replicas.gatewayArguments(topology)
                    : List.of());
        });
        awaitAllHealthy(stack.services());
        if (prometheusBinary != null) {
            out.println("Starting Prometheus on port " + LocalPrometheus.PORT);
            try {
                prometheus.set(LocalPrometheus.start(prometheusBinary, Path.of(""), dataDir, specs));
            } catch (RuntimeException e) {
                throw new StartupException("Prometheus did not start: " + e.getMessage() + System.lineSeparator()
                        + "Stopping everything.");
            }
        }

        printSummary(stack, specs);
        if (prometheus.get() != null) {
            String url = prometheus.get().baseUrl();
            out.printf("%-22s %s (targets: %s/targets, alerts: %s/alerts; log and data in %s)%n%n", "Prometheus",
                    url, url, url, dataDir.resolve("prometheus"));
        }
        out.println(options.onlyInfra()
                ? "Kafka, Mongo, SMTP and the SMS emulator are up. Press Ctrl-C to stop."
                : "FRMR platform is up. Press Ctrl-C to stop.");
        watch(stack);
    }

    private static Map<String, Integer> portsByOwner(List<ServiceSpec> specs) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", Topology.KAFKA_PORT);
        ports.put("Kafka controller", Topology.KAFKA_CONTROLLER_PORT);
        ports.put("Kafka subscribers", Topology.KAFKA_SUBSCRIBER_PORT);
        ports.put("Mongo", Topology.MONGO_PORT);
        ports.put("SMTP", Topology.SMTP_PORT);
        ports.put("Mailbox page", Topology.MAILBOX_PORT);
        ports.put("SMS emulator", Topology.SMS_PORT);
        specs.forEach(spec -> {
            ports.put(spec.name(), spec.port());
            ports.put(spec.name() + " management", spec.managementPort());
        });
        return ports;
    }

    private static Path createDataDir(Path dataDir) {
        try {
            return Files.createDirectories(dataDir).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data dir " + dataDir, e);
        }
    }

    /** Probes all services in turn, so the first one to die is reported at once rather than after the others. */
    private static void awaitAllHealthy(List<ServiceProcess> services) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw startFailure(service, "exited with code " + service.exitCode() + " while starting");
                }
                if (service.isHealthy()) {
                    out.println(service.name() + " is healthy");
                    pending.remove(service);
                }
            }
            if (!pending.isEmpty() && System.nanoTime() - deadline >= 0) {
                throw startFailure(pending.get(0), "was not healthy within " + STARTUP_TIMEOUT.toSeconds()
                        + " s (also still starting: " + pending.stream().skip(1).map(ServiceProcess::name).toList()
                        + ")");
            }
            sleep(POLL_INTERVAL);
        }
    }

    private static StartupException startFailure(ServiceProcess service, String reason) {
        String nl = System.lineSeparator();
        return new StartupException(service.name() + " " + reason + "." + nl
                + "Last " + LOG_TAIL_LINES + " lines of " + service.logFile() + ":" + nl
                + String.join(nl, service.logTail(LOG_TAIL_LINES)) + nl
                + "Stopping everything.");
    }

    private static void printSummary(Stack stack, List<ServiceSpec> specs) {
        String row = "%-22s %-24s %-50s %s%n";
        out.println();
        out.printf("%-22s %s%n", "Kafka", stack.kafkaBootstrapServers());
        out.printf("%-22s %s (agencies: SASL_PLAINTEXT, SCRAM-SHA-512; README «How an agency connects»)%n",
                "Kafka subscribers", stack.kafkaSubscriberBootstrapServers());
        out.printf("%-22s %s%n", "Mongo", stack.mongoUri() + "/<service_name>");
        out.printf("%-22s %s (mail the platform sent: %s)%n", "SMTP", stack.smtpAddress(), stack.mailboxUrl());
        out.printf("%-22s %s (texts the platform sent: %s)%n", "SMS emulator", stack.smsGatewayUrl(),
                stack.mailboxUrl());
        if (!specs.isEmpty()) {
            out.println();
            out.printf(row, "SERVICE", "URL", "HEALTH", "LOG");
            for (ServiceProcess service : stack.services()) {
                out.printf(row, service.name(), service.url(), service.healthUrl(), service.logFile());
            }
        }
        out.println();
    }

    /** A service that crashes later is reported once, so the developer need not notice a silent hole. */
    private static void watch(Stack stack) {
        Set<String> reported = new HashSet<>();
        while (!stack.isClosing()) {
            for (ServiceProcess service : stack.services()) {
                if (!service.isAlive() && !stack.isClosing() && reported.add(service.name())) {
                    System.err.println(service.name() + " exited with code " + service.exitCode()
                            + "; see " + service.logFile());
                }
            }
            sleep(Duration.ofSeconds(2));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted");
        }
    }
}
