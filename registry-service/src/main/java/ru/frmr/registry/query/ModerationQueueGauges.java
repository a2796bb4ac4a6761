package ru.frmr.registry.query;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import ru.frmr.kit.observability.CachedValue;

/**
 * The moderation queue as operators watch it: {@code frmr_registry_moderation_queue_size} (changes waiting) and
 * {@code frmr_registry_moderation_queue_oldest_seconds} (how long the oldest has waited; 0 when none does). Each is
 * one query on the (status, submittedAt) index, run at most once per few seconds however often Prometheus scrapes.
 */
@Component
class ModerationQueueGauges implements MeterBinder {

    static final String SIZE = "frmr.registry.moderation.queue.size";
    static final String OLDEST = "frmr.registry.moderation.queue.oldest";

    private final CachedValue size;
    private final CachedValue oldestSeconds;

    ModerationQueueGauges(ProfileChangeQueries queries, Clock clock) {
        this.size = new CachedValue(SIZE, queries::pendingTotal, CachedValue.DEFAULT_TTL, clock);
        this.oldestSeconds = new CachedValue(OLDEST, () -> queries.oldestPendingSubmittedAt()
                .map(submitted -> Math.max(0, Duration.between(submitted, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0), CachedValue.DEFAULT_TTL, clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(SIZE, size, CachedValue::getAsDouble).strongReference(true)
                .description("Submitted changes waiting for moderation").register(registry);
        Gauge.builder(OLDEST, oldestSeconds, CachedValue::getAsDouble).strongReference(true).baseUnit("seconds")
                .description("How long the oldest change waiting for moderation has waited").register(registry);
    }
}
