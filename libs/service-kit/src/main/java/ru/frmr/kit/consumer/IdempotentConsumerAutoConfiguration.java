package ru.frmr.kit.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.cloudevents.rw.CloudEventRWException;
import ru.frmr.contracts.Topics;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.observability.KafkaClientMeters;

/**
 * One Kafka listener container per {@link IntegrationEventHandler} bean: manual commits after each
 * record, deduplication by event id, retries with back-off, then the record (raw, with the error in
 * headers) to {@code <topic>.dlt}.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnBean(IntegrationEventHandler.class)
public class IdempotentConsumerAutoConfiguration {

    static final String DEAD_LETTERED = "frmr.consumer.dead_lettered";

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        return new ProcessedEvents(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter");
        var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        factory.addListener(new KafkaClientMeters<>(meters));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    IdempotentConsumers idempotentConsumers(ObjectProvider<IntegrationEventHandler> handlers, KafkaProperties kafka,
                                            ProcessedEvents processed, KafkaTemplate<String, byte[]> deadLetterTemplate,
                                            MeterRegistry meters, Environment environment,
                                            ApplicationContext context) {
        String application = groupPrefix(environment);
        List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
        for (IntegrationEventHandler handler : handlers.orderedStream().toList()) {
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
            config.put(ConsumerConfig.GROUP_ID_CONFIG, application + "." + handler.consumerName());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            // The container appends "-<n>": the client_id of this consumer's kafka_consumer_* meters.
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, handler.consumerName());
            var factory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer());
            factory.addListener(new KafkaClientMeters<>(meters));
            registerMeters(meters, handler);
            ContainerProperties props = new ContainerProperties(handler.topics().toArray(String[]::new));
            props.setAckMode(ContainerProperties.AckMode.RECORD);
            props.setObservationEnabled(true);
            props.setMessageListener(new IdempotentListener(handler, processed, meters));
            var container = new ConcurrentMessageListenerContainer<>(factory, props);
            container.setBeanName("consumer-" + handler.consumerName());
            // Not a bean itself: give it the context so it finds the ObservationRegistry (trace propagation).
            container.setApplicationContext(context);
            container.setCommonErrorHandler(errorHandler(deadLetterTemplate, meters, handler.consumerName()));
            containers.add(container);
        }
        return new IdempotentConsumers(containers);
    }

    /**
     * Each consumer's group is {@code <prefix>.<consumer name>}; the prefix is the application's name unless
     * {@code frmr.kafka.consumer-group-prefix} names another. Tests set it when several application contexts of one
     * service live side by side on one broker (Spring's test context cache keeps them): with the same groups they would
     * take each other's records, and the application's name, which metrics carry, stays the service's.
     */
    static String groupPrefix(Environment environment) {
        return environment.getProperty("frmr.kafka.consumer-group-prefix",
                environment.getProperty("spring.application.name", "frmr"));
    }

    /** The consumer's counters at 0 from startup, so that rate() and increase() have series before the first event. */
    static void registerMeters(MeterRegistry meters, IntegrationEventHandler handler) {
        for (String outcome : IdempotentListener.OUTCOMES) {
            meters.counter(IdempotentListener.EVENTS, "consumer", handler.consumerName(), "outcome", outcome);
        }
        for (String topic : handler.topics()) {
            meters.counter(DEAD_LETTERED, "consumer", handler.consumerName(), "topic", topic);
        }
    }

    private static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters,
                                                    String consumer) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, e) -> {
            meters.counter(DEAD_LETTERED, "consumer", consumer, "topic", record.topic()).increment();
            return new TopicPartition(Topics.deadLetterOf(record.topic()), -1);
        });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(5);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(8_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // Deterministic failures: retrying the same event can only fail the same way.
        handler.addNotRetryableExceptions(PoisonEventException.class, CloudEventRWException.class,
                BusinessRuleException.class);
        return handler;
    }

    /** Starts the containers with the context and stops them before the Mongo client goes away. */
    public static class IdempotentConsumers implements SmartLifecycle {

        private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers;
        private volatile boolean running;

        IdempotentConsumers(List<ConcurrentMessageListenerContainer<String, byte[]>> containers) {
            this.containers = containers;
        }

        @Override
        public void start() {
            containers.forEach(ConcurrentMessageListenerContainer::start);
            running = true;
        }

        @Override
        public void stop() {
            containers.forEach(ConcurrentMessageListenerContainer::stop);
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
