package ru.frmr.infra.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM that holds the platform's stores the way the local stack's launcher does: the Mongo wire server
 * on its H2 file and, unless its port is 0, the Kafka broker, both in one data directory. Crash tests kill it
 * with SIGKILL and start it again on the same directory and ports.
 *
 * <p>Run as {@code java -cp <classpath> ru.frmr.infra.embedded.StoreHost DATA_DIR MONGO_PORT KAFKA_PORT
 * CONTROLLER_PORT}; it prints {@link #READY} once both listen and then runs until killed.
 */
public final class StoreHost implements AutoCloseable {

    static final String READY = "STORES READY";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path logFile;

    private StoreHost(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println("Usage: StoreHost DATA_DIR MONGO_PORT KAFKA_PORT CONTROLLER_PORT (KAFKA_PORT 0: no Kafka)");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int kafkaPort = Integer.parseInt(args[2]);
        // The same files and classes as the local stack's launcher (Stack.startInfra).
        EmbeddedMongo mongo = EmbeddedMongo.h2(dataDir.resolve("mongo.mv.db"), "127.0.0.1", Integer.parseInt(args[1]));
        if (kafkaPort != 0) {
            EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, Integer.parseInt(args[3]));
        }
        System.out.println(READY + " mongo=" + mongo.connectionString());
        System.out.flush();
        // Nothing stops it but a signal: the point is to be killed.
        new CountDownLatch(1).await();
    }

    /**
     * Starts the host with this JVM's class path and waits for its ready line; its output is appended to
     * {@code logFile}.
     */
    public static StoreHost start(Path dataDir, int mongoPort, int kafkaPort, int controllerPort, Path logFile) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                StoreHost.class.getName(),
                dataDir.toAbsolutePath().toString(), Integer.toString(mongoPort), Integer.toString(kafkaPort),
                Integer.toString(controllerPort)));
        Process process;
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the store host", e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, logFile, ready), "store-host-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The store host did not get ready; see " + logFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while starting the store host", e);
        }
        return new StoreHost(process, logFile);
    }

    private static void pump(Process process, Path logFile, CompletableFuture<Void> ready) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.newLine();
                log.flush();
                if (line.startsWith(READY)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("exited with code " + process.waitFor()));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready.completeExceptionally(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed; the files stay as the crash left them. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        kill();
    }
}
