package ru.frmr.observability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Prometheus server of our own: Debian's {@code prometheus} binary started with a configuration written for the
 * given targets ({@link PrometheusConfig}), its storage in a directory of ours and its web address on loopback, so it
 * never meets the package's system service (port 9090, /var/lib/prometheus). Closing it stops the process.
 */
public final class PrometheusProcess implements AutoCloseable {

    /** Where Debian puts the binaries; PATH is searched first. */
    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin"));
    private static final Duration POLL = Duration.ofMillis(250);

    private final Process process;
    private final Path log;
    private final PrometheusClient client;
    private final String job;
    private final int targets;

    private PrometheusProcess(Process process, Path log, PrometheusClient client, String job, int targets) {
        this.process = process;
        this.log = log;
        this.client = client;
        this.job = job;
        this.targets = targets;
    }

    /**
     * An executable on PATH or in /usr/bin, /usr/local/bin: {@code prometheus} or {@code promtool}. The system
     * property {@code frmr.prometheus.home} names another directory to look in first.
     */
    public static Optional<Path> find(String executable) {
        Stream<Path> home = Optional.ofNullable(System.getProperty("frmr.prometheus.home")).map(Path::of).stream();
        Stream<Path> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(p -> !p.isBlank()).map(Path::of);
        return Stream.of(home, path, USUAL_PLACES.stream()).flatMap(s -> s)
                .map(dir -> dir.resolve(executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** A free TCP port on the loopback address (free now; another process may take it before Prometheus binds). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Prometheus and returns once it is ready to answer queries.
     *
     * @param workDir        where its configuration ({@code prometheus.yml}) and log ({@code prometheus.log}) go
     * @param storage        its TSDB directory (kept between runs if the caller keeps it)
     * @param listenAddress  {@code 127.0.0.1:<port>}
     * @param scrapeInterval of the targets, and of rule evaluation
     */
    public static PrometheusProcess start(Path binary, ObservabilityFiles files, List<PrometheusConfig.ScrapeTarget>
            targets, Duration scrapeInterval, Path workDir, Path storage, String listenAddress, Duration readyTimeout) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(storage);
            Path config = workDir.resolve("prometheus.yml");
            Files.writeString(config, PrometheusConfig.yaml(files, targets, scrapeInterval));
            Path log = workDir.resolve("prometheus.log");
            Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + storage, "--web.listen-address=" + listenAddress,
                    // Its log then holds what went wrong (a rule file it cannot load), not every block it compacts.
                    "--log.level=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PrometheusProcess prometheus = new PrometheusProcess(process, log, new PrometheusClient("http://"
                    + listenAddress), PrometheusConfig.jobName(files), targets.size());
            try {
                prometheus.awaitReady(readyTimeout);
            } catch (RuntimeException e) {
                prometheus.close();
                throw e;
            }
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    public PrometheusClient client() {
        return client;
    }

    public String baseUrl() {
        return client.baseUrl();
    }

    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) {
        awaitCondition(timeout, "Prometheus ready at " + client.baseUrl(), client::isReady, () -> "");
    }

    /**
     * Waits until every target is up and has been scraped successfully at least {@code scrapes} times, so that
     * rates have two samples to work with and rules have been evaluated on the data.
     */
    public void awaitScrapes(int scrapes, Duration timeout) {
        awaitCondition(timeout, targets + " targets up and scraped " + scrapes + " times",
                () -> successfulScrapes() >= scrapes, this::targetStates);
    }

    /** The fewest successful scrapes of any target in the last hour; 0 while any target is missing. */
    public int successfulScrapes() {
        try {
            List<PrometheusClient.Target> states = client.targets();
            if (states.size() < targets || states.stream().anyMatch(t -> !t.health().equals("up"))) {
                return 0;
            }
            String up = "up{job=\"" + job + "\"}";
            // up is 1 after each successful scrape: its sum over the run is the number of successful scrapes.
            PrometheusClient.QueryResult count = client.query("count(" + up + ")");
            PrometheusClient.QueryResult scrapes = client.query("min(sum_over_time(" + up + "[1h]))");
            if (count.series() == 0 || count.first() < targets || scrapes.series() == 0) {
                return 0;
            }
            return (int) scrapes.first();
        } catch (IOException e) {
            return 0;
        }
    }

    private String targetStates() {
        try {
            return client.targets().stream()
                    .map(t -> t.service() + " " + t.scrapeUrl() + " " + t.health()
                            + (t.lastError().isEmpty() ? "" : " (" + t.lastError() + ")"))
                    .reduce((a, b) -> a + "; " + b).orElse("no targets");
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private void awaitCondition(Duration timeout, String what, java.util.function.BooleanSupplier condition,
                                java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with code " + process.exitValue() + " before "
                        + what + "; its log " + log + ":\n" + logTail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not " + what + " within " + timeout.toSeconds() + " s: "
                        + state.get() + "\nits log " + log + ":\n" + logTail());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (Prometheus flushes its head block), then SIGKILL after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
