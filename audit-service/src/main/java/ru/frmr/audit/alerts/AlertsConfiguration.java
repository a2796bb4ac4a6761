package ru.frmr.audit.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.observability.KafkaClientMeters;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertsConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> alertProducer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-alerts");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    KafkaClientMeters.Binding alertProducerMeters(Producer<String, byte[]> alertProducer, MeterRegistry meters) {
        return KafkaClientMeters.bind(alertProducer, meters);
    }

    @Bean
    Alerts alerts(MongoTemplate mongo) {
        return new Alerts(mongo.getCollection(Alerts.COLLECTION));
    }

    @Bean
    AlertEventHandler alertEventHandler(AlertProperties properties, MongoTemplate mongo, Alerts alerts,
                                        Producer<String, byte[]> alertProducer, ObjectProvider<Clock> clock,
                                        MeterRegistry meters) {
        return new AlertEventHandler(new AlertEngine(properties,
                new AlertWindows(mongo.getCollection(AlertWindows.COLLECTION)), alerts,
                new AlertPublisher(alertProducer, Duration.ofSeconds(30)), clock.getIfAvailable(Clock::systemUTC),
                meters));
    }
}
