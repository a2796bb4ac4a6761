package ru.frmr.kit.consumer;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * A CloudEvent as a consumer sees it, with where it came from on Kafka.
 *
 * @param data the JSON payload as published; decode with {@link ru.frmr.contracts.ContractJson}
 */
public record ReceivedEvent(String id, String type, URI source, String subject, OffsetDateTime time,
                            String actor, String traceparent, String correlationId, byte[] data,
                            String topic, int partition, long offset) {
}
