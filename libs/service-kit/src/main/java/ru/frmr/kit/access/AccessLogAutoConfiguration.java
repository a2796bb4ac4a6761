package ru.frmr.kit.access;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.deadline.SweepSchedule;
import ru.frmr.kit.observability.CachedValue;
import ru.frmr.kit.observability.KafkaClientMeters;

/**
 * The access log, for the services that show people's data to others: they have Mongo, Kafka and ShedLock's Mongo
 * provider (registry, employer, documents, notification).
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnClass({MongoLockProvider.class, KafkaProducer.class})
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(AccessLogProperties.class)
public class AccessLogAutoConfiguration {

    /** ShedLock's collection, the one the services' sweepers share: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    @Bean
    AccessOutbox accessOutbox(MongoTemplate mongo) {
        return new AccessOutbox(mongo.getCollection(AccessOutbox.COLLECTION));
    }

    @Bean
    AccessLog accessLog(AccessOutbox outbox, @Value("${spring.application.name}") String service,
                        ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new AccessLog(outbox, service, clock.getIfAvailable(Clock::systemUTC), meters);
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> accessRelayProducer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "access-relay");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    KafkaClientMeters.Binding accessRelayProducerMeters(Producer<String, byte[]> accessRelayProducer,
                                                        MeterRegistry meters) {
        return KafkaClientMeters.bind(accessRelayProducer, meters);
    }

    /**
     * {@code frmr_access_outbox_pending}: access records not yet on Kafka (a growing number means the relay cannot
     * publish), and the relay's counters at 0 from startup.
     */
    @Bean
    MeterBinder accessOutboxMeters(AccessOutbox outbox, ObjectProvider<Clock> clock) {
        return outboxMeters(outbox, clock.getIfAvailable(Clock::systemUTC));
    }

    static MeterBinder outboxMeters(AccessOutbox outbox, Clock clock) {
        CachedValue pending = new CachedValue(AccessRelay.PENDING, outbox::size, CachedValue.DEFAULT_TTL, clock);
        return registry -> {
            Gauge.builder(AccessRelay.PENDING, pending, CachedValue::getAsDouble).strongReference(true)
                    .description("Access records not yet published to Kafka")
                    .register(registry);
            registry.counter(AccessRelay.PUBLISHED);
            registry.counter(AccessRelay.FAILURES);
        };
    }

    @Bean
    AccessRelay accessRelay(AccessOutbox outbox, Producer<String, byte[]> accessRelayProducer,
                            @Value("${frmr.relay.source:}") String relaySource,
                            @Value("${spring.application.name}") String service, AccessLogProperties properties,
                            MongoTemplate mongo, MeterRegistry meters) {
        URI source = URI.create(relaySource.isBlank() ? "/frmr/" + service : relaySource);
        return new AccessRelay(outbox, accessRelayProducer, source, properties.sendTimeout(),
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), properties.lockAtMostFor(),
                meters);
    }

    @Bean
    SweepSchedule accessRelaySchedule(AccessRelay relay, AccessLogProperties properties) {
        return new SweepSchedule(AccessRelay.LOCK_NAME, relay::sweep, properties.relayEnabled(),
                properties.relayInterval());
    }
}
