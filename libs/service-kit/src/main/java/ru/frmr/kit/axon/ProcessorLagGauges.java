package ru.frmr.kit.axon;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.bson.Document;

import ru.frmr.kit.observability.CachedValue;
import ru.frmr.kit.relay.KafkaRelay;

/**
 * How far each streaming event processor of this instance is behind the event store, in seconds:
 * {@code frmr_axon_processor_lag_seconds{processor}}, and the Kafka relay's as {@code frmr_relay_lag_seconds}.
 * Axon's own meters (axon-micrometer) appear only once a processor has handled an event; these exist from startup,
 * so an alert on them is never looking at nothing.
 *
 * <p>The Mongo event store tracks by event time: a segment's position is the time of the last event it took, and
 * the lag is the newest stored event's time minus the oldest position among the segments this instance holds
 * (before a segment's first event: minus the oldest stored event's time). 0 when caught up, when nothing is stored,
 * and when another instance holds every segment (that instance reports it: take the maximum over instances).
 * The newest and oldest times come from the event store's (timestamp, sequence) index, once per few seconds.
 */
public class ProcessorLagGauges {

    public static final String PROCESSOR_LAG = "frmr.axon.processor.lag";
    public static final String RELAY_LAG = "frmr.relay.lag";

    private static final String TIMESTAMP = "timestamp";

    private final CachedValue newest;
    private final CachedValue oldest;

    /** @param events the event store's collection of events */
    public ProcessorLagGauges(MongoCollection<Document> events, Clock clock) {
        this.newest = new CachedValue("event store head", () -> eventTime(events, -1), CachedValue.DEFAULT_TTL, clock);
        this.oldest = new CachedValue("event store tail", () -> eventTime(events, 1), CachedValue.DEFAULT_TTL, clock);
    }

    /** Registers one gauge per streaming processor (and the relay's), each reading the processor when scraped. */
    public void register(Supplier<Map<String, EventProcessor>> processors, MeterRegistry registry) {
        processors.get().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> {
                    // Held strongly: a gauge's object is otherwise weakly held, and its value NaN once collected.
                    Gauge.builder(PROCESSOR_LAG, processor, this::lagSeconds).strongReference(true)
                            .tag("processor", processor.getName())
                            .baseUnit("seconds")
                            .description("How far the event processor is behind the newest stored event")
                            .register(registry);
                    if (KafkaRelay.PROCESSING_GROUP.equals(processor.getName())) {
                        Gauge.builder(RELAY_LAG, processor, this::lagSeconds).strongReference(true)
                                .baseUnit("seconds")
                                .description("How far the Kafka relay is behind the newest stored event")
                                .register(registry);
                    }
                });
    }

    double lagSeconds(StreamingEventProcessor processor) {
        double head = newest.getAsDouble();
        if (Double.isNaN(head)) {
            return Double.NaN;
        }
        if (head < 0) {
            return 0;
        }
        double behindFrom = Double.POSITIVE_INFINITY;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            Instant position = position(status.getTrackingToken());
            double from = position == null ? oldest.getAsDouble() : position.toEpochMilli() / 1000.0;
            behindFrom = Math.min(behindFrom, from);
        }
        if (Double.isInfinite(behindFrom)) {
            return 0;
        }
        return Double.isNaN(behindFrom) ? Double.NaN : Math.max(0, head - behindFrom);
    }

    private static Instant position(TrackingToken token) {
        return token == null ? null
                : WrappedToken.unwrap(token, MongoTrackingToken.class).map(MongoTrackingToken::getTimestamp).orElse(null);
    }

    /** Epoch seconds of the newest (direction -1) or oldest (1) stored event; -1 when none is stored. */
    private static double eventTime(MongoCollection<Document> events, int direction) {
        Document first = events.find()
                .projection(Projections.include(TIMESTAMP))
                .sort(direction < 0 ? Sorts.descending(TIMESTAMP) : Sorts.ascending(TIMESTAMP))
                .limit(1)
                .first();
        if (first == null) {
            return -1;
        }
        Object value = first.get(TIMESTAMP);
        Instant time = value instanceof Date date ? date.toInstant() : Instant.parse(value.toString());
        return time.toEpochMilli() / 1000.0;
    }
}
