package ru.frmr.kit.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge's value computed at most once per time-to-live. Gauges that count documents are read on every scrape, by
 * every Prometheus (two in a production pair, every 15 s or faster), on every replica: the query behind one must
 * run a few times a minute, not once per scrape. A failed computation gives NaN (Prometheus shows the gap), kept
 * for the time-to-live like a value: while Mongo is down, each scrape must not wait for the driver's timeout once
 * more per gauge, or the whole scrape would time out and the service look down with all its other series.
 */
public final class CachedValue implements DoubleSupplier {

    private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

    /** How long a gauge's value is reused unless the gauge says otherwise: below Prometheus' scrape interval. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    private final String name;
    private final DoubleSupplier source;
    private final Duration ttl;
    private final Clock clock;
    private double value;
    private Instant computedAt;

    /** @param name the gauge's name, for the log when the computation fails */
    public CachedValue(String name, DoubleSupplier source, Duration ttl, Clock clock) {
        this.name = name;
        this.source = source;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public synchronized double getAsDouble() {
        Instant now = clock.instant();
        if (computedAt != null && now.isBefore(computedAt.plus(ttl))) {
            return value;
        }
        try {
            value = source.getAsDouble();
            computedAt = now;
            return value;
        } catch (RuntimeException e) {
            // The message may quote a query's values; the type says enough to look further.
            log.warn("Gauge {} could not be computed: {}", name, e.getClass().getName());
            value = Double.NaN;
            computedAt = now;
            return value;
        }
    }
}
