package ru.frmr.kit.relay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.contracts.Topics;
import ru.frmr.kit.axon.AxonMongoAutoConfiguration;
import ru.frmr.kit.observability.KafkaClientMeters;

/** The Kafka relay, for services that have Axon and declare an {@link IntegrationEventMapper}. */
@AutoConfiguration(after = AxonMongoAutoConfiguration.class)
@ConditionalOnClass(EventProcessingConfigurer.class)
@ConditionalOnBean(IntegrationEventMapper.class)
@EnableConfigurationProperties(RelayProperties.class)
public class KafkaRelayAutoConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> kafkaRelayProducer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "kafka-relay");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    KafkaClientMeters.Binding kafkaRelayProducerMeters(Producer<String, byte[]> kafkaRelayProducer,
                                                       MeterRegistry meterRegistry) {
        return KafkaClientMeters.bind(kafkaRelayProducer, meterRegistry);
    }

    @Bean
    KafkaRelay kafkaRelay(IntegrationEventMapper mapper, Producer<String, byte[]> kafkaRelayProducer,
                          RelayProperties properties, MeterRegistry meterRegistry,
                          @Value("${spring.application.name:}") String service) {
        if (properties.source() == null) {
            throw new IllegalStateException("frmr.relay.source must name this service's CloudEvents source");
        }
        registerMeters(meterRegistry, service);
        return new KafkaRelay(mapper, kafkaRelayProducer, properties, meterRegistry);
    }

    /**
     * The relay's counters at 0 from startup, so that rate() and increase() have series before the first event: one
     * per event type of the service's topic ({@code frmr.<service name without -service>.events}), failures per topic
     * it publishes to.
     */
    static void registerMeters(MeterRegistry registry, String service) {
        String topic = "frmr." + service.replaceFirst("-service$", "") + ".events";
        List<EventDescriptor> published = EventCatalog.all().stream().filter(d -> d.topic().equals(topic)).toList();
        if (published.isEmpty()) {
            return;
        }
        published.forEach(d -> registry.counter(KafkaRelay.PUBLISHED, "type", d.type()));
        registry.counter(KafkaRelay.FAILURES, "topic", topic);
        if (published.stream().anyMatch(EventDescriptor::publicContract)) {
            registry.counter(KafkaRelay.FAILURES, "topic", Topics.PUBLIC_EVENTS);
        }
    }

    /**
     * One tracking processor, one segment: the relay publishes in event-store order, and any failure
     * stops it (with back-off and retry) instead of being logged and skipped.
     */
    @Configuration(proxyBeanMethods = false)
    static class Processor {

        @Autowired
        void configure(EventProcessingConfigurer configurer, RelayProperties properties) {
            configurer.registerTrackingEventProcessor(KafkaRelay.PROCESSING_GROUP,
                    c -> c.eventStore(),
                    c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andBatchSize(1)
                            .andAutoStart(properties.autostart()));
            configurer.registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                    c -> PropagatingErrorHandler.instance());
        }
    }
}
