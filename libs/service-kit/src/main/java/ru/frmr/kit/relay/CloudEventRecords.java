package ru.frmr.kit.relay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.contracts.IntegrationEvent;

/** Builds the Kafka record of an integration event: CloudEvents 1.0 in binary mode, JSON data. */
public final class CloudEventRecords {

    public static final String TRACEPARENT = "traceparent";
    public static final String CORRELATION_ID = "correlationid";
    public static final String ACTOR = "actor";

    private CloudEventRecords() {
    }

    /**
     * @param eventId    the Axon event id: the same domain event always yields the same CloudEvents id,
     *                   which is what consumers deduplicate on
     * @param extensions {@code traceparent}, {@code correlationid}, {@code actor}; blank values are left out
     */
    public static CloudEvent cloudEvent(String eventId, URI source, EventDescriptor descriptor,
                                        IntegrationEvent event, Instant time, Map<String, String> extensions) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(source)
                .withType(descriptor.type())
                .withSubject(event.subject())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create("https://frmr.ru/schemas/" + descriptor.type() + ".schema.json"))
                .withData(ContractJson.toBytes(event));
        extensions.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                builder.withExtension(name, value);
            }
        });
        return builder.build();
    }

    /**
     * The CloudEvents id of a further integration event published for one domain event (the first keeps the
     * Axon id). Name-based, not random: a redelivery after a crash between two sends yields the same id, so
     * consumers that deduplicate on it drop the copy.
     */
    public static String derivedEventId(String axonEventId, String type) {
        return UUID.nameUUIDFromBytes((axonEventId + "/" + type).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The record for {@code topic}, keyed by subject so one aggregate's events stay in order. */
    public static ProducerRecord<String, byte[]> record(String topic, CloudEvent event) {
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, event.getSubject())
                .writeBinary(event);
        Object traceparent = event.getExtension(TRACEPARENT);
        if (traceparent != null) {
            // Plain W3C header too, so standard tracing instrumentation on the consumer joins the trace.
            record.headers().add(TRACEPARENT, traceparent.toString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
