package ru.frmr.registry.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.kit.relay.CloudEventRecords;

/** Publishes events to the shared test broker as their producing service would, and watches dead letters. */
final class KafkaTestEvents {

    private KafkaTestEvents() {
    }

    /** The event as a CloudEvent in binary mode, keyed by its subject, the way the kit's relay writes it. */
    static void publish(String topic, URI source, String eventId, IntegrationEvent event, String actor) {
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, source, EventCatalog.of(event.getClass()), event,
                Instant.now(), Map.of(CloudEventRecords.ACTOR, actor));
        send(CloudEventRecords.record(topic, ce));
    }

    /** A CloudEvent of {@code type} whose data is {@code json} as written, whatever its schema says. */
    static void publishRaw(String topic, URI source, String eventId, String type, String subject, String json) {
        CloudEvent ce = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
        send(CloudEventRecords.record(topic, ce));
    }

    /** Waits until every one of {@code eventIds} has reached the topic's dead-letter topic. */
    static void awaitDeadLettered(String deadLetterTopic, List<String> eventIds) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-check-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            dlt.subscribe(List.of(deadLetterTopic));
            List<String> ids = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(r -> {
                    var header = r.headers().lastHeader("ce_id");
                    if (header != null) {
                        ids.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                });
                assertThat(ids).containsAll(eventIds);
            });
        }
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
