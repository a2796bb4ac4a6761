package ru.frmr.audit.alerts;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.audit.alerts.AlertProperties.Threshold;
import ru.frmr.audit.alerts.AlertWindows.Window;
import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.audit.AuditAlertRaised;

/**
 * Counts each observation in its rule's window and raises the window's alert once its threshold is reached:
 * stored, published (at least once: a failed publish fails the event, which is redelivered and publishes the
 * stored alert again), then the window is closed for counting. Counter {@code frmr.audit.alerts.raised} per rule.
 */
class AlertEngine {

    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    static final String RAISED = "frmr.audit.alerts.raised";

    private final AlertProperties properties;
    private final AlertWindows windows;
    private final Alerts alerts;
    private final AlertPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertEngine(AlertProperties properties, AlertWindows windows, Alerts alerts, AlertPublisher publisher,
                Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.windows = windows;
        this.alerts = alerts;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        // At 0 from startup for every rule, so that increase() has a series before the first alert.
        for (AlertRule rule : AlertRule.values()) {
            meters.counter(RAISED, "rule", rule.name());
        }
    }

    void observe(Observation observation) {
        if (observation.subject() == null) {
            return;
        }
        Threshold threshold = properties.of(observation.rule());
        Instant start = AlertWindows.windowStart(observation.at(), threshold.window());
        Window window = windows.count(observation.rule(), observation.subject(), start, threshold.window(),
                observation.distinctKey());
        if (window.raised() || window.count() < threshold.count()) {
            return;
        }
        AuditAlertRaised alert = new AuditAlertRaised(window.alertId(), observation.rule(), observation.subject(),
                window.count(), threshold.count(), start, start.plus(threshold.window()), clock.instant());
        if (alerts.store(alert)) {
            meters.counter(RAISED, "rule", observation.rule().name()).increment();
            log.warn("Alert {} raised: {} reached {} in the window from {}", alert.alertId(), alert.rule(),
                    alert.count(), alert.windowStart());
        }
        Alerts.Stored stored = alerts.get(window.alertId());
        if (!stored.published()) {
            publisher.publish(stored.alert());
            alerts.markPublished(window.alertId());
        }
        windows.markRaised(window.alertId(), stored.alert().count());
    }
}
