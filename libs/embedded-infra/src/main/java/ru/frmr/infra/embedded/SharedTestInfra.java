package ru.frmr.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One Kafka broker and one in-memory Mongo per test JVM, started on first use and stopped when the JVM exits,
 * so that many test classes (and many Spring contexts) share a single broker start.
 */
public final class SharedTestInfra implements TestInfra {

    private static SharedTestInfra instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongo mongo;

    private SharedTestInfra(EmbeddedKafkaBroker kafka, EmbeddedMongo mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /** Starts the infrastructure on the first call; a failed start is retried by the next caller. */
    public static synchronized SharedTestInfra get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The broker's SASL/SCRAM-SHA-512 listener for outside subscribers (agencies); ACLs apply there. */
    public String kafkaSubscriberBootstrapServers() {
        return kafka.subscriberBootstrapServers();
    }

    /** For example {@code mongodb://127.0.0.1:PORT/registry}. */
    @Override
    public String mongoUri(String database) {
        return mongo.connectionString() + "/" + database;
    }

    /** Points a Spring Boot test context, created after this call, at the shared broker and Mongo. */
    public SharedTestInfra applyAsSystemProperties(String database) {
        System.setProperty("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        System.setProperty("spring.data.mongodb.uri", mongoUri(database));
        return this;
    }

    private static SharedTestInfra start() {
        Path logDir = createTempDir();
        EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.start(logDir, 0, 0);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
            deleteRecursively(logDir);
        }, "shared-test-infra-shutdown"));
        return new SharedTestInfra(kafka, mongo);
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("frmr-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp dir for the Kafka log", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // A leftover temp dir is harmless; the JVM is exiting and must not fail on it.
        }
    }
}
