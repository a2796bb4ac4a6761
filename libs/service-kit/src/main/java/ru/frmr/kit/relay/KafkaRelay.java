package ru.frmr.kit.relay;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.kit.axon.TraceContextDispatchInterceptor;

/**
 * Publishes the service's events from its event store (the outbox) to Kafka. Runs in the tracking
 * processor {@value #PROCESSING_GROUP}: each publish waits for the broker's acknowledgement
 * ({@code acks=all}) and a failure propagates, so the processor's token only advances past events
 * Kafka holds. A crash after the send and before the token update re-sends: duplicates on the wire,
 * never loss. Consumers deduplicate on the CloudEvents id (= Axon event id; a domain event that publishes
 * several integration events gives the later ones ids derived from it, see
 * {@link CloudEventRecords#derivedEventId}). It reads only events no crash
 * can take back (majority reads on MongoDB, commit-before-answer in the embedded store): see
 * {@link ru.frmr.kit.axon.MongoDurabilityAutoConfiguration} for why that, and not a time margin.
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
public class KafkaRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    static final String PUBLISHED = "frmr.relay.published";
    static final String FAILURES = "frmr.relay.failures";

    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

    private final IntegrationEventMapper mapper;
    private final Producer<String, byte[]> producer;
    private final RelayProperties properties;
    private final MeterRegistry meterRegistry;

    public KafkaRelay(IntegrationEventMapper mapper, Producer<String, byte[]> producer, RelayProperties properties,
                      MeterRegistry meterRegistry) {
        this.mapper = mapper;
        this.producer = producer;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
    }

    @EventHandler
    public void on(Object domainEvent, EventMessage<?> message) throws Exception {
        List<IntegrationEvent> mapped = mapper.mapAll(domainEvent, message.getTimestamp());
        Map<String, String> extensions = extensions(message.getMetaData());
        Set<String> types = new HashSet<>();
        for (IntegrationEvent event : mapped) {
            // Two of one type would get one derived id, and consumers would drop the second as a duplicate.
            // Checked before anything is sent, so a mapper at fault publishes nothing of that domain event.
            String type = EventCatalog.of(event.getClass()).type();
            if (!types.add(type)) {
                throw new IllegalStateException("A domain event maps to " + type + " twice");
            }
        }
        for (int i = 0; i < mapped.size(); i++) {
            IntegrationEvent event = mapped.get(i);
            EventDescriptor descriptor = EventCatalog.of(event.getClass());
            String id = i == 0 ? message.getIdentifier()
                    : CloudEventRecords.derivedEventId(message.getIdentifier(), descriptor.type());
            CloudEvent cloudEvent = CloudEventRecords.cloudEvent(id, properties.source(), descriptor, event,
                    message.getTimestamp(), extensions);
            send(descriptor.topic(), cloudEvent);
            if (descriptor.publicContract()) {
                send(Topics.PUBLIC_EVENTS, cloudEvent);
            }
            meterRegistry.counter(PUBLISHED, "type", descriptor.type()).increment();
            log.debug("Relayed {} {} for {}", descriptor.type(), cloudEvent.getId(), cloudEvent.getSubject());
        }
    }

    private void send(String topic, CloudEvent cloudEvent) throws Exception {
        try {
            producer.send(CloudEventRecords.record(topic, cloudEvent))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            meterRegistry.counter(FAILURES, "topic", topic).increment();
            throw e;
        }
    }

    private static Map<String, String> extensions(MetaData metaData) {
        Map<String, String> ext = new HashMap<>();
        putIfPresent(ext, CloudEventRecords.TRACEPARENT, metaData.get(TraceContextDispatchInterceptor.TRACEPARENT));
        putIfPresent(ext, CloudEventRecords.ACTOR, metaData.get(TraceContextDispatchInterceptor.ACTOR));
        putIfPresent(ext, CloudEventRecords.CORRELATION_ID, metaData.get("correlationId"));
        return ext;
    }

    private static void putIfPresent(Map<String, String> target, String key, Object value) {
        if (value != null) {
            target.put(key, value.toString());
        }
    }
}
