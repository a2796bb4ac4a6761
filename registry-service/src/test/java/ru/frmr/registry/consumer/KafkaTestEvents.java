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
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import ru.frmr.infra.embedded.TestInfra;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * The shared test broker as the registry's neighbours use it: publishes events as their producing service would,
 * reads what the registry publishes, and watches dead letters.
 */
public final class KafkaTestEvents {

    /** Null: the shared in-process broker. A *ContainersIT class sets its container's for the time it runs. */
    private static volatile TestInfra infra;

    private KafkaTestEvents() {
    }

    /**
     * The broker the helpers use from now on (null: the shared in-process one again). Failsafe runs the classes of
     * one JVM one after the other, so a class sets it in its {@code @BeforeAll} and resets it in its
     * {@code @AfterAll}.
     */
    public static void use(TestInfra broker) {
        infra = broker;
    }

    private static TestInfra infra() {
        TestInfra chosen = infra;
        return chosen != null ? chosen : SharedTestInfra.get();
    }

    /** The event as a CloudEvent in binary mode, keyed by its subject, the way the kit's relay writes it. */
    public static void publish(String topic, URI source, String eventId, IntegrationEvent event, String actor) {
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, source, EventCatalog.of(event.getClass()), event,
                Instant.now(), Map.of(CloudEventRecords.ACTOR, actor));
        send(CloudEventRecords.record(topic, ce));
    }

    /** A CloudEvent of {@code type} whose data is {@code json} as written, whatever its schema says. */
    public static void publishRaw(String topic, URI source, String eventId, String type, String subject, String json) {
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
    public static void awaitDeadLettered(String deadLetterTopic, List<String> eventIds) {
        try (KafkaConsumer<String, byte[]> dlt = subscribe("dlt-check-", deadLetterTopic)) {
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

    /** A consumer of {@code topics} from their beginning, in a group of its own named {@code groupPrefix} + UUID. */
    public static KafkaConsumer<String, byte[]> subscribe(String groupPrefix, String... topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** Polls {@code consumer} until a CloudEvent of {@code type} about {@code subject} arrives; returns the first. */
    public static CloudEvent awaitEvent(KafkaConsumer<String, byte[]> consumer, String subject, String type) {
        return awaitEvent(consumer, subject, type, e -> true);
    }

    /** Like {@link #awaitEvent(KafkaConsumer, String, String)}, the first that also matches {@code which}. */
    public static CloudEvent awaitEvent(KafkaConsumer<String, byte[]> consumer, String subject, String type,
                                        java.util.function.Predicate<CloudEvent> which) {
        List<CloudEvent> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                CloudEvent e = KafkaMessageFactory.createReader(r).toEvent();
                if (subject.equals(e.getSubject()) && type.equals(e.getType()) && which.test(e)) {
                    seen.add(e);
                }
            }
            assertThat(seen).isNotEmpty();
        });
        return seen.get(0);
    }

    /** The first event of each type for {@code subject}, waiting until every type has been seen. */
    public static Map<String, CloudEvent> awaitEvents(KafkaConsumer<String, byte[]> consumer, String subject,
                                                      String... types) {
        Map<String, CloudEvent> seen = new java.util.LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                CloudEvent e = KafkaMessageFactory.createReader(r).toEvent();
                if (subject.equals(e.getSubject())) {
                    seen.putIfAbsent(e.getType(), e);
                }
            }
            assertThat(seen).containsKeys(types);
        });
        return seen;
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
