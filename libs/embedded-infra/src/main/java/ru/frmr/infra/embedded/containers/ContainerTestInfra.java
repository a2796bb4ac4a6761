package ru.frmr.infra.embedded.containers;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import ru.frmr.infra.embedded.TestInfra;

/**
 * One MongoDB replica set and one Kafka broker from their official images per test JVM, started on first use (both
 * at once) and removed when the JVM exits (Testcontainers' reaper): what production runs on, where the Mongo wire
 * server lacks transactions, change streams, TTL expiry and secondary indexes. Needs a Docker daemon; the classes
 * that use it carry {@link RequiresDocker}, so without one they are reported as skipped with the reason.
 *
 * <p>The images: {@code -Dfrmr.test.mongo-image} (default {@value #MONGO_IMAGE}) and {@code -Dfrmr.test.kafka-image}
 * (default {@value #KAFKA_IMAGE}, the kafka-clients version Spring Boot manages and the in-process broker runs).
 */
public final class ContainerTestInfra implements TestInfra {

    static final String MONGO_IMAGE = "mongo:7.0";
    static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private static ContainerTestInfra instance;

    private final MongoDBContainer mongo;
    private final KafkaContainer kafka;

    private ContainerTestInfra(MongoDBContainer mongo, KafkaContainer kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    /** Starts both containers on the first call; a failed start is retried by the next caller. */
    public static synchronized ContainerTestInfra get() {
        if (instance == null) {
            // MongoDBContainer runs mongod as a one-member replica set (--replSet) and initiates it: sessions,
            // transactions and change streams work as on the production replica set.
            MongoDBContainer mongo = new MongoDBContainer(
                    DockerImageName.parse(System.getProperty("frmr.test.mongo-image", MONGO_IMAGE))
                            .asCompatibleSubstituteFor("mongo"));
            KafkaContainer kafka = new KafkaContainer(
                    DockerImageName.parse(System.getProperty("frmr.test.kafka-image", KAFKA_IMAGE))
                            .asCompatibleSubstituteFor("apache/kafka"));
            try {
                Startables.deepStart(mongo, kafka).join();
            } catch (RuntimeException e) {
                mongo.stop();
                kafka.stop();
                throw e;
            }
            instance = new ContainerTestInfra(mongo, kafka);
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    /** The replica set's URL (it names the set, so the driver sees a replica set, not a standalone). */
    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }
}
