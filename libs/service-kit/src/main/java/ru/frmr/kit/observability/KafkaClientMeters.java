package ru.frmr.kit.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Micrometer's {@link KafkaClientMetrics} for the Kafka clients the platform creates itself: {@code kafka_producer_*}
 * and {@code kafka_consumer_*} tagged {@code client_id}. Spring Boot binds only the clients of its own factories;
 * ours are built directly. Spring Kafka's own listeners would add a {@code spring_id} tag, and Prometheus needs one
 * set of tag keys per metric name, so every client here is bound the same way, without it. Each binding is closed
 * with its client, which removes its meters.
 */
public final class KafkaClientMeters<K, V> implements ProducerFactory.Listener<K, V>, ConsumerFactory.Listener<K, V> {

    private final MeterRegistry registry;
    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();

    public KafkaClientMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Binds a producer built directly; close the binding before (or with) the producer. */
    public static Binding bind(Producer<?, ?> producer, MeterRegistry registry) {
        return new Binding(new KafkaClientMetrics(producer), registry);
    }

    @Override
    public void producerAdded(String id, Producer<K, V> producer) {
        replace(id, bind(producer, registry));
    }

    @Override
    public void producerRemoved(String id, Producer<K, V> producer) {
        close(id);
    }

    @Override
    public void consumerAdded(String id, Consumer<K, V> consumer) {
        replace(id, new Binding(new KafkaClientMetrics(consumer), registry));
    }

    @Override
    public void consumerRemoved(String id, Consumer<K, V> consumer) {
        close(id);
    }

    private void replace(String id, Binding binding) {
        Binding previous = bindings.put(id, binding);
        if (previous != null) {
            previous.close();
        }
    }

    private void close(String id) {
        Binding binding = bindings.remove(id);
        if (binding != null) {
            binding.close();
        }
    }

    /** One client's meters in one registry. */
    public static final class Binding implements AutoCloseable {

        private final KafkaClientMetrics metrics;

        Binding(KafkaClientMetrics metrics, MeterRegistry registry) {
            this.metrics = metrics;
            metrics.bindTo(registry);
        }

        @Override
        public void close() {
            metrics.close();
        }
    }
}
