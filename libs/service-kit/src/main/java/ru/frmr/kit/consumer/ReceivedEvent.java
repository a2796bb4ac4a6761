package ru.frmr.kit.consumer;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.IntegrationEvent;

/**
 * A CloudEvent as a consumer sees it, with where it came from on Kafka.
 *
 * @param data the JSON payload as published; read it with {@link #payload(Class)}
 */
public record ReceivedEvent(String id, String type, URI source, String subject, OffsetDateTime time,
                            String actor, String traceparent, String correlationId, byte[] data,
                            String topic, int partition, long offset) {

    /**
     * The payload as {@code type}, read only once it conforms to the schema published for this event's type.
     *
     * @throws PoisonEventException naming the violated fields or the unreadable payload, so that the event goes to
     *                              the dead-letter topic instead of being retried for ever
     */
    public <T extends IntegrationEvent> T payload(Class<T> type) {
        List<String> violations = ContractSchemas.violations(this.type, data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(this.type + " " + id + " breaks its schema: " + violations);
        }
        try {
            return ContractJson.fromBytes(data, type);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + this.type + " " + id, e);
        }
    }
}
