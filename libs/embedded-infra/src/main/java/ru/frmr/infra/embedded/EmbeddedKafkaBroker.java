package ru.frmr.infra.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
 *
 * <p>Three listeners, all on loopback: the platform's services connect to the plaintext one without credentials
 * and are {@code User:frmr-platform} (a super user; see {@link PlatformPrincipalBuilder}), the KRaft controller's
 * listener is the platform too, and outside subscribers (agencies) connect to the subscriber listener with
 * SASL/SCRAM-SHA-512 as their own SCRAM user. The {@code StandardAuthorizer} refuses what no ACL allows, so a
 * subscriber reads only what its ACLs name.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    /** The services' listener: plaintext, no credentials, principal {@code User:frmr-platform}. */
    static final String PLATFORM_LISTENER = "PLAINTEXT";
    /** KRaft's controller does not take SCRAM: it stays on loopback, as the platform. */
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Outside subscribers: SASL/SCRAM-SHA-512, each its own principal, limited by ACLs. */
    static final String SUBSCRIBER_LISTENER = "SUBSCRIBER";
    public static final String SUBSCRIBER_MECHANISM = "SCRAM-SHA-512";
    /** How long a subscriber's SASL session lasts before the broker asks it to authenticate again. */
    public static final java.time.Duration SUBSCRIBER_REAUTHENTICATION = java.time.Duration.ofMinutes(5);

    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;
    private final int subscriberPort;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, int controllerPort, int subscriberPort) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.subscriberPort = subscriberPort;
    }

    /**
     * Formats {@code logDir} if it is new and starts the broker. A port of 0 means a free port is chosen here,
     * because KRaft does not reliably accept an ephemeral port for its listeners.
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, 0);
    }

    /** As {@link #start(Path, int, int)}, with the subscribers' SASL/SCRAM listener on {@code subscriberPort}. */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort, int subscriberPort) {
        int[] free = Ports.pickFree(3);
        int brokerPort = port == 0 ? free[0] : port;
        int quorumPort = controllerPort == 0 ? free[1] : controllerPort;
        int saslPort = subscriberPort == 0 ? free[2] : subscriberPort;
        Properties props = brokerProperties(logDir, brokerPort, quorumPort, saslPort);

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
        log.info("Kafka broker on {}:{} (subscribers {}) ready in {} ms", HOST, brokerPort, saslPort,
                (System.nanoTime() - startedAt) / 1_000_000);
        return new EmbeddedKafkaBroker(server, brokerPort, quorumPort, saslPort);
    }

    /** The platform's own listener (plaintext, no credentials): every service and test connects here. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The subscribers' listener: SASL_PLAINTEXT with SCRAM-SHA-512, the ACLs of each SCRAM user apply. */
    public String subscriberBootstrapServers() {
        return HOST + ":" + subscriberPort;
    }

    public int subscriberPort() {
        return subscriberPort;
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

    static Properties brokerProperties(Path logDir, int port, int controllerPort, int subscriberPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        String platform = PLATFORM_LISTENER + "://" + HOST + ":" + port;
        String subscriber = SUBSCRIBER_LISTENER + "://" + HOST + ":" + subscriberPort;
        p.setProperty("listeners", platform + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort
                + "," + subscriber);
        p.setProperty("advertised.listeners", platform + "," + subscriber);
        p.setProperty("listener.security.protocol.map", PLATFORM_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER
                + ":PLAINTEXT," + SUBSCRIBER_LISTENER + ":SASL_PLAINTEXT");
        p.setProperty("inter.broker.listener.name", PLATFORM_LISTENER);
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        String subscriberPrefix = "listener.name." + SUBSCRIBER_LISTENER.toLowerCase(Locale.ROOT) + ".";
        p.setProperty(subscriberPrefix + "sasl.enabled.mechanisms", SUBSCRIBER_MECHANISM);
        // SCRAM credentials live in the cluster's metadata (auth-service writes them with the Admin client).
        p.setProperty(subscriberPrefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        // A subscriber's connection authenticates again every 5 minutes: a rotated or revoked password stops an
        // agency's open connections too, not only its new ones (0, Kafka's default, never re-authenticates).
        p.setProperty(subscriberPrefix + "scram-sha-512.connections.max.reauth.ms",
                Long.toString(SUBSCRIBER_REAUTHENTICATION.toMillis()));
        p.setProperty("principal.builder.class", PlatformPrincipalBuilder.class.getName());
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // Inter-broker and controller traffic, on the platform's listeners, is the super user: allowed everything.
        p.setProperty("super.users", "User:" + PlatformPrincipalBuilder.PLATFORM_USER);
        p.setProperty("allow.everyone.if.no.acl.found", "false");
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
