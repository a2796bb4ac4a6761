package ru.frmr.infra.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running inside this JVM.
 * Stopping it and starting a new one on the same log dir and ports keeps topics and messages.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, int controllerPort) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code logDir} if it is new and starts the broker. A port of 0 means a free port is chosen here,
     * because KRaft does not reliably accept an ephemeral port for its listeners.
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) {
        int[] free = port == 0 || controllerPort == 0 ? Ports.pickFree(2) : new int[2];
        int brokerPort = port == 0 ? free[0] : port;
        int quorumPort = controllerPort == 0 ? free[1] : controllerPort;
        Properties props = brokerProperties(logDir, brokerPort, quorumPort);

        long startedAt = System.nanoTime();
        formatIfNew(logDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        log.info("Kafka broker on {}:{} ready in {} ms", HOST, brokerPort, (System.nanoTime() - startedAt) / 1_000_000);
        return new EmbeddedKafkaBroker(server, brokerPort, quorumPort);
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        // Defaults assume three brokers: with one, consumer groups and transactions hang without these.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default dedupe buffer kills small heaps with OutOfMemoryError at start.
        p.setProperty("log.cleaner.dedupe.buffer.size", "8388608");
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        return p;
    }

    private static void formatIfNew(Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try {
            Files.createDirectories(logDir);
            // StorageTool reads its settings from a file only; the file lives outside the log dir it formats.
            Path config = Files.createTempFile("kafka-format", ".properties");
            try {
                try (Writer writer = Files.newBufferedWriter(config)) {
                    props.store(writer, null);
                }
                String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(),
                        "--config", config.toString(), "--ignore-formatted"};
                exitCode = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot format Kafka log dir " + logDir, e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting Kafka log dir " + logDir + " failed with exit code "
                    + exitCode + ": " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
