package ru.frmr.kit.consumer;

import java.net.URI;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

import ru.frmr.kit.relay.CloudEventRecords;

/** Reads one CloudEvent record, skips it when already applied, else hands it over and marks it. */
class IdempotentListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentListener.class);
    static final String EVENTS = "frmr.consumer.events";
    static final String APPLIED = "applied";
    static final String DUPLICATE = "duplicate";
    static final List<String> OUTCOMES = List.of(APPLIED, DUPLICATE);

    private final IntegrationEventHandler handler;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    IdempotentListener(IntegrationEventHandler handler, ProcessedEvents processed, MeterRegistry meters) {
        this.handler = handler;
        this.processed = processed;
        this.meters = meters;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = decode(record);
        String consumer = handler.consumerName();
        boolean tracked = !handler.deduplicatesByEventId();
        if (tracked && processed.contains(consumer, event.id())) {
            meters.counter(EVENTS, "consumer", consumer, "outcome", DUPLICATE).increment();
            log.debug("Skipped duplicate {} {} from {}", event.type(), event.id(), record.topic());
            return;
        }
        handler.handle(event);
        if (tracked) {
            processed.markProcessed(consumer, event);
        }
        meters.counter(EVENTS, "consumer", consumer, "outcome", APPLIED).increment();
        // Under the trace of the request that caused the event (the listener's observation continues the record's
        // traceparent), so this line joins the producer's and the gateway's in a search by trace id.
        log.debug("Applied {} {} from {}", event.type(), event.id(), record.topic());
    }

    static ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent ce;
        try {
            ce = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new PoisonEventException("Not a CloudEvent at " + record.topic() + "/" + record.partition()
                    + "@" + record.offset(), e);
        }
        if (ce.getData() == null) {
            throw new PoisonEventException("CloudEvent " + ce.getId() + " has no data");
        }
        URI source = ce.getSource();
        return new ReceivedEvent(ce.getId(), ce.getType(), source, ce.getSubject(), ce.getTime(),
                extension(ce, CloudEventRecords.ACTOR), extension(ce, CloudEventRecords.TRACEPARENT),
                extension(ce, CloudEventRecords.CORRELATION_ID), ce.getData().toBytes(),
                record.topic(), record.partition(), record.offset());
    }

    private static String extension(CloudEvent ce, String name) {
        Object value = ce.getExtension(name);
        return value == null ? null : value.toString();
    }
}
