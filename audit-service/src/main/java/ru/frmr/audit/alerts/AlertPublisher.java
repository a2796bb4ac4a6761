package ru.frmr.audit.alerts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.Producer;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.kit.relay.CloudEventRecords;

/** Puts an alert on {@code frmr.audit.alerts} and waits for the broker's acknowledgement ({@code acks=all}). */
class AlertPublisher {

    private final Producer<String, byte[]> producer;
    private final Duration sendTimeout;

    AlertPublisher(Producer<String, byte[]> producer, Duration sendTimeout) {
        this.producer = producer;
        this.sendTimeout = sendTimeout;
    }

    /** @throws IllegalStateException when Kafka did not take it: the event that raised it is then retried */
    void publish(AuditAlertRaised alert) {
        EventDescriptor descriptor = EventCatalog.of(AuditAlertRaised.class);
        var cloudEvent = CloudEventRecords.cloudEvent(alert.alertId(), EventSources.AUDIT, descriptor, alert,
                alert.occurredAt(), Map.of());
        try {
            producer.send(CloudEventRecords.record(descriptor.topic(), cloudEvent))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take alert " + alert.alertId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing alert " + alert.alertId(), e);
        }
    }
}
