package ru.frmr.kit.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;

/** One domain event, several integration events: what goes on the wire and with which ids. */
class KafkaRelayTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final RelayProperties PROPERTIES = new RelayProperties(URI.create("/frmr/registry-service"),
            true, Duration.ofSeconds(5));

    private final ProfileUpdated updated = new ProfileUpdated("w-1", List.of(ProfileSection.CERTIFICATES), 2, AT);
    private final ProfessionalRecordChanged changed = new ProfessionalRecordChanged("w-1", "ADDED", "CERTIFICATES",
            "e-1", new ProfessionalEntry("CERTIFICATES", null, null, null, "31.08.36", null, null, "0177",
            "123456", null, null, null, null), 2, AT);

    private final EventMessage<?> approval = GenericEventMessage.asEventMessage("approved");

    @Test
    void theRelaysCountersStartAtZeroForEveryTypeOfTheServicesTopicAndEachTopicItPublishesTo() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KafkaRelayAutoConfiguration.registerMeters(meters, "registry-service");

        assertThat(meters.find(KafkaRelay.PUBLISHED).counters()).extracting(c -> c.getId().getTag("type"))
                .contains(EventTypes.PROFILE_UPDATED)
                .allSatisfy(type -> assertThat(EventCatalog.byType(type).orElseThrow().topic())
                        .isEqualTo(Topics.REGISTRY_EVENTS));
        assertThat(meters.find(KafkaRelay.FAILURES).counters()).extracting(c -> c.getId().getTag("topic"))
                .containsExactlyInAnyOrder(Topics.REGISTRY_EVENTS, Topics.PUBLIC_EVENTS);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.measure().iterator().next().getValue()).isZero());

        SimpleMeterRegistry noTopic = new SimpleMeterRegistry();
        KafkaRelayAutoConfiguration.registerMeters(noTopic, "gateway");
        assertThat(noTopic.getMeters()).isEmpty();
    }

    @Test
    void aMapperThatOnlyMapsOneStillPublishesOneEventUnderTheAxonId() throws Exception {
        MockProducer<String, byte[]> producer = producer();
        IntegrationEventMapper single = (event, at) -> Optional.of(changed);

        new KafkaRelay(single, producer, PROPERTIES, new SimpleMeterRegistry()).on("approved", approval);

        assertThat(producer.history()).hasSize(1);
        assertThat(header(producer.history().get(0), "ce_id")).isEqualTo(approval.getIdentifier());
    }

    @Test
    void eachEventIsSentTheFirstUnderTheAxonIdTheNextUnderADerivedOneThePublicCopyUnderItsTwinsId()
            throws Exception {
        MockProducer<String, byte[]> producer = producer();

        new KafkaRelay(twoEvents(), producer, PROPERTIES, new SimpleMeterRegistry()).on("approved", approval);

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::topic)
                .containsExactly(Topics.REGISTRY_EVENTS, Topics.PUBLIC_EVENTS, Topics.REGISTRY_EVENTS);
        assertThat(sent).extracting(r -> header(r, "ce_type")).containsExactly(EventTypes.PROFILE_UPDATED,
                EventTypes.PROFILE_UPDATED, EventTypes.PROFESSIONAL_RECORD_CHANGED);
        assertThat(header(sent.get(0), "ce_id")).isEqualTo(approval.getIdentifier());
        assertThat(header(sent.get(1), "ce_id")).isEqualTo(approval.getIdentifier());
        String derived = header(sent.get(2), "ce_id");
        assertThat(derived).isNotEqualTo(approval.getIdentifier())
                .isEqualTo(CloudEventRecords.derivedEventId(approval.getIdentifier(),
                        EventTypes.PROFESSIONAL_RECORD_CHANGED));
        assertThat(sent).extracting(ProducerRecord::key).containsOnly("w-1");
    }

    @Test
    void aCrashBetweenTheTwoSendsAndTheRedeliveryPublishUnderTheSameIds() throws Exception {
        AtomicBoolean brokerDown = new AtomicBoolean(false);
        MockProducer<String, byte[]> producer = producer();
        KafkaRelay relay = new KafkaRelay(twoEvents(), failingAfter(producer, 2, brokerDown), PROPERTIES,
                new SimpleMeterRegistry());

        brokerDown.set(true);
        assertThatThrownBy(() -> relay.on("approved", approval)).as("the processor retries the whole event")
                .isInstanceOf(ExecutionException.class);
        assertThat(producer.history()).hasSize(2);
        brokerDown.set(false);
        relay.on("approved", approval);

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertThat(sent).hasSize(5);
        assertThat(sent.subList(2, 5)).extracting(r -> header(r, "ce_id"))
                .containsExactly(header(sent.get(0), "ce_id"), header(sent.get(1), "ce_id"),
                        CloudEventRecords.derivedEventId(approval.getIdentifier(),
                                EventTypes.PROFESSIONAL_RECORD_CHANGED));
    }

    @Test
    void twoEventsOfOneTypeForOneDomainEventStopTheRelayInsteadOfSharingAnId() {
        MockProducer<String, byte[]> producer = producer();
        IntegrationEventMapper twice = new IntegrationEventMapper() {
            @Override
            public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
                return Optional.of(changed);
            }

            @Override
            public List<IntegrationEvent> mapAll(Object domainEvent, Instant occurredAt) {
                return List.of(updated, changed, changed);
            }
        };

        assertThatThrownBy(() -> new KafkaRelay(twice, producer, PROPERTIES, new SimpleMeterRegistry())
                .on("approved", approval)).isInstanceOf(IllegalStateException.class);
        assertThat(producer.history()).as("nothing of that domain event is sent").isEmpty();
    }

    @Test
    void theDerivedIdDependsOnTheDomainEventAndTheType() {
        String id = CloudEventRecords.derivedEventId("evt-1", EventTypes.PROFESSIONAL_RECORD_CHANGED);
        assertThat(CloudEventRecords.derivedEventId("evt-1", EventTypes.PROFESSIONAL_RECORD_CHANGED)).isEqualTo(id);
        assertThat(CloudEventRecords.derivedEventId("evt-2", EventTypes.PROFESSIONAL_RECORD_CHANGED))
                .isNotEqualTo(id);
        assertThat(CloudEventRecords.derivedEventId("evt-1", EventTypes.PROFILE_UPDATED)).isNotEqualTo(id);
    }

    private IntegrationEventMapper twoEvents() {
        return new IntegrationEventMapper() {
            @Override
            public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
                return Optional.of(updated);
            }

            @Override
            public List<IntegrationEvent> mapAll(Object domainEvent, Instant occurredAt) {
                return List.of(updated, changed);
            }
        };
    }

    private static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /**
     * The producer the relay sees: the mock broker's, except that while {@code down} is set every send past the
     * first {@code healthySends} fails as an unacknowledged one does.
     */
    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> failingAfter(MockProducer<String, byte[]> broker, int healthySends,
                                                         AtomicBoolean down) {
        return (Producer<String, byte[]>) Proxy.newProxyInstance(KafkaRelayTest.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && down.get() && broker.history().size() >= healthySends) {
                        return CompletableFuture.failedFuture(new TimeoutException("no acknowledgement"));
                    }
                    return method.invoke(broker, args);
                });
    }
}
