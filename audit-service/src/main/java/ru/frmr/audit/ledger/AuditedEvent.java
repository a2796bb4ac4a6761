package ru.frmr.audit.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the ledger records about one event: everything an entry holds except its place in the chain.
 * The payload itself is not kept, only its digest, so the ledger never stores personal data from it.
 *
 * @param time          event time, cut to milliseconds: the precision MongoDB keeps, so that what is hashed
 *                      is exactly what is stored; {@code null} when the event carried none
 * @param payloadDigest lowercase hex SHA-256 of the CloudEvent data bytes
 */
public record AuditedEvent(String eventId, String type, String source, String subject, Instant time,
                           String actor, String topic, String payloadDigest) {

    public AuditedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        time = time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }
}
