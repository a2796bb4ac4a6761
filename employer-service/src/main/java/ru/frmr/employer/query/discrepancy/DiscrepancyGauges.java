package ru.frmr.employer.query.discrepancy;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import ru.frmr.kit.observability.CachedValue;

/**
 * {@code frmr_employer_discrepancies_overdue_open}: discrepancies past their answer date and still unanswered. One
 * count on the status index, at most once per few seconds however often Prometheus scrapes.
 */
@Component
class DiscrepancyGauges implements MeterBinder {

    static final String OVERDUE_OPEN = "frmr.employer.discrepancies.overdue.open";

    private final CachedValue overdueOpen;

    DiscrepancyGauges(DiscrepancyViews views, Clock clock) {
        this.overdueOpen = new CachedValue(OVERDUE_OPEN, views::overdueOpenCount, CachedValue.DEFAULT_TTL, clock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(OVERDUE_OPEN, overdueOpen, CachedValue::getAsDouble).strongReference(true)
                .description("Discrepancies overdue and not answered").register(registry);
    }
}
