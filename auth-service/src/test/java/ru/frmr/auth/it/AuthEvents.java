package ru.frmr.auth.it;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.SharedTestInfra;

/** What auth-service published on {@code frmr.auth.events}, read from the start of the topic. */
final class AuthEvents implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<CloudEvent> seen = new CopyOnWriteArrayList<>();

    AuthEvents() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "auth-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.AUTH_EVENTS));
    }

    /** Waits until an event of {@code type} about {@code subject} has arrived that {@code matches}. */
    synchronized CloudEvent await(String subject, String type, Predicate<CloudEvent> matches) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(KafkaMessageFactory.createReader(r).toEvent()));
            return seen.stream().filter(e -> subject.equals(e.getSubject()) && type.equals(e.getType()))
                    .filter(matches).findFirst().orElse(null);
        }, Objects::nonNull);
    }

    CloudEvent await(String subject, String type) {
        return await(subject, type, e -> true);
    }

    /** Everything read so far. */
    List<CloudEvent> seen() {
        return List.copyOf(seen);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
