package ru.frmr.registry.expiry;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import ru.frmr.kit.observability.CachedValue;

/**
 * {@code frmr_registry_expiry_backlog}: licence notices whose day has come and that are still pending. The sweep
 * empties it every few seconds; a number that stays up means notices are not going out. One count on the
 * (state, dueOn) index, at most once per few seconds.
 */
@Component
class ExpiryBacklogGauge implements MeterBinder {

    static final String BACKLOG = "frmr.registry.expiry.backlog";

    private final CachedValue backlog;

    ExpiryBacklogGauge(LicenseNotices notices, Clock clock) {
        this.backlog = new CachedValue(BACKLOG,
                () -> notices.dueCount(LocalDate.ofInstant(clock.instant(), ExpirySchedule.REGISTRY_ZONE)),
                CachedValue.DEFAULT_TTL, clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BACKLOG, backlog, CachedValue::getAsDouble).strongReference(true)
                .description("Licence notices due and not yet sent").register(registry);
    }
}
