package ru.frmr.auth.it;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.kit.relay.CloudEventRecords;

/** What registry-service would publish on {@code frmr.registry.events}, sent by the test in its place. */
final class RegistryEvents {

    private static final URI REGISTRY = URI.create("/frmr/registry-service");

    private RegistryEvents() {
    }

    static void publish(String eventId, IntegrationEvent event) {
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, REGISTRY, EventCatalog.of(event.getClass()),
                event, Instant.now(), Map.of(CloudEventRecords.ACTOR, "system"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(Topics.REGISTRY_EVENTS, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The registry created (or found) the account's worker and announces a new random registry number for it.
     *
     * @return the registry number, once the account's read model holds it
     */
    static String linkToNewRecord(AuthQueries queries, String accountId) {
        String workerId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new WorkerAccountLinked(workerId, accountId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> queries.account(accountId).map(AccountView::workerId)
                .filter(id -> Objects.equals(id, workerId)).isPresent());
        return workerId;
    }
}
