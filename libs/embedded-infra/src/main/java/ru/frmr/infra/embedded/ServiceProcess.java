package ru.frmr.infra.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Spring Boot service running as a child JVM, with its output appended to a log file. */
public final class ServiceProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;
    // Services log little before they fail; 64 KiB holds far more than the lines shown.
    private static final int LOG_TAIL_BYTES = 64 * 1024;

    private static final String LOOPBACK = "127.0.0.1";
    private static final List<String> SHARED_MACHINE_JVM =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(String name, int port, int managementPort, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Launches {@code java -jar jar --server.port=port --management.server.port=managementPort
     * --spring.profiles.active=profile extraArgs...} with a small heap and a quick-to-start JIT, since several
     * services share a 2-core machine. Both ports listen on 127.0.0.1 only; probes and metrics are on the
     * management port, never on the one the service's API answers on.
     */
    public static ServiceProcess start(String name, Path jar, int port, int managementPort, String profile,
                                       Path logFile, List<String> extraArgs) {
        return start(name, jar, port, managementPort, profile, logFile, SHARED_MACHINE_JVM, extraArgs);
    }

    /**
     * As {@link #start(String, Path, int, int, String, Path, List)} with the given JVM options instead; an empty
     * list runs the JVM as deployed (default heap, collector and JIT), for measurements that must not be
     * skewed by the start-up-friendly settings.
     */
    public static ServiceProcess start(String name, Path jar, int port, int managementPort, String profile,
                                       Path logFile, List<String> jvmOptions, List<String> extraArgs) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=" + LOOPBACK,
                "--management.server.port=" + managementPort, "--management.server.address=" + LOOPBACK,
                "--spring.profiles.active=" + profile));
        command.addAll(extraArgs);
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new ServiceProcess(name, port, managementPort, logFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + name + " from " + jar, e);
        }
    }

    /**
     * The newest {@code <repoRoot>/<module>/target/<artifactId>-*-exec.jar}, where the artifactId is the last
     * segment of the module path.
     */
    public static Path findExecJar(Path repoRoot, String module) {
        Path target = repoRoot.resolve(module).resolve("target");
        String artifactId = Path.of(module).getFileName().toString();
        String prefix = artifactId + "-";
        List<Path> jars = List.of();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jars = files.filter(f -> {
                    String file = f.getFileName().toString();
                    return file.startsWith(prefix) && file.endsWith("-exec.jar");
                }).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + target, e);
            }
        }
        return jars.stream()
                .max(Comparator.comparingLong(ServiceProcess::lastModified))
                .orElseThrow(() -> new IllegalStateException("No executable jar for module " + module + ": expected "
                        + target.resolve(prefix + "*-exec.jar") + ". Run ./mvnw -DskipTests package first."));
    }

    /** One readiness probe: true when {@code /actuator/health/readiness} on the management port answers 200. */
    public boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(healthUrl()))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls readiness until it answers 200; fails with the log tail if the process dies or time runs out. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before becoming healthy");
            }
            if (isHealthy()) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw failure(name + " was not healthy on port " + port + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("Interrupted while waiting for " + name);
            }
        }
    }

    /** SIGTERM, so Spring shuts down gracefully; SIGKILL if it is still running after 20 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL: simulates a crash, no shutdown hooks run in the service. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Only meaningful once {@link #isAlive()} is false. */
    public int exitCode() {
        return process.exitValue();
    }

    /** The operating system's id of the service's JVM, for reading its CPU time. */
    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    public String url() {
        return "http://" + LOOPBACK + ":" + port;
    }

    /** Where probes and metrics are: reachable from this machine only. */
    public String managementUrl() {
        return "http://" + LOOPBACK + ":" + managementPort;
    }

    public String healthUrl() {
        return managementUrl() + "/actuator/health/readiness";
    }

    /** The last {@code lines} lines of the log file, or none if it cannot be read. */
    public List<String> logTail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - LOG_TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            // When reading from the middle of the file, the first line is likely cut.
            List<String> whole = start > 0 && !all.isEmpty() ? all.subList(1, all.size()) : all;
            return whole.subList(Math.max(0, whole.size() - lines), whole.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    private IllegalStateException failure(String reason) {
        return new IllegalStateException(reason + "; last " + LOG_TAIL_LINES + " lines of " + logFile + ":"
                + System.lineSeparator() + String.join(System.lineSeparator(), logTail(LOG_TAIL_LINES)));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
