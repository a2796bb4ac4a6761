package ru.frmr.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Real clients (they need no broker to exist and to have metrics), bound and unbound. */
class KafkaClientMetersTest {

    /** Nothing listens there: the clients only try to connect in the background. */
    private static final String NO_BROKER = "127.0.0.1:1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aProducerGetsItsMetersTaggedWithItsClientIdUntilItsBindingCloses() {
        KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", NO_BROKER, "client.id", "kafka-relay"),
                new StringSerializer(), new StringSerializer());
        try {
            KafkaClientMeters.Binding binding = KafkaClientMeters.bind(producer, registry);

            assertThat(registry.get("kafka.producer.record.send.total").tag("client.id", "kafka-relay")
                    .functionCounter().count()).isZero();
            assertThat(registry.find("kafka.producer.record.error.total").meters()).isNotEmpty();
            assertThat(registry.find("kafka.producer.record.send.total").meters())
                    .allSatisfy(meter -> assertThat(meter.getId().getTag("spring.id")).isNull());

            binding.close();
            assertThat(registry.find("kafka.producer.record.send.total").meters()).isEmpty();
        } finally {
            producer.close(Duration.ZERO);
        }
    }

    @Test
    void theFactoryListenerBindsEachConsumerAndUnbindsItWhenRemoved() {
        KafkaClientMeters<String, String> listener = new KafkaClientMeters<>(registry);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", NO_BROKER, "client.id", "notices-0", "group.id", "g"),
                new StringDeserializer(), new StringDeserializer());
        try {
            listener.consumerAdded("factory.notices-0", consumer);

            assertThat(registry.get("kafka.consumer.fetch.manager.records.lag.max").tag("client.id", "notices-0")
                    .gauge()).isNotNull();

            listener.consumerRemoved("factory.notices-0", consumer);
            assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").meters()).isEmpty();
        } finally {
            consumer.close(Duration.ZERO);
        }
    }
}
