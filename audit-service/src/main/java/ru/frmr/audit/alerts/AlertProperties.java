package ru.frmr.audit.alerts;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.frmr.contracts.audit.AlertRule;

/**
 * The anomaly rules' thresholds and windows ({@code frmr.audit.alerts}).
 *
 * @param rules       per rule: how many distinct events within one window raise an alert; rules not named keep
 *                    their defaults ({@link #DEFAULTS})
 */
@ConfigurationProperties("frmr.audit.alerts")
public record AlertProperties(Map<AlertRule, Threshold> rules) {

    static final Map<AlertRule, Threshold> DEFAULTS = Map.of(
            AlertRule.FAILED_LOGINS_PER_ACCOUNT, new Threshold(5, Duration.ofMinutes(15)),
            AlertRule.FAILED_LOGINS_PER_ADDRESS, new Threshold(50, Duration.ofMinutes(15)),
            AlertRule.MASS_RECORD_READS, new Threshold(50, Duration.ofHours(1)),
            AlertRule.MASS_ERASURES, new Threshold(10, Duration.ofHours(1)));

    public AlertProperties {
        Map<AlertRule, Threshold> merged = new EnumMap<>(DEFAULTS);
        if (rules != null) {
            merged.putAll(rules);
        }
        merged.forEach((rule, threshold) -> {
            if (threshold.count() < 1 || threshold.window() == null || threshold.window().isNegative()
                    || threshold.window().isZero()) {
                throw new IllegalArgumentException("frmr.audit.alerts.rules." + rule
                        + " needs a count of at least 1 and a positive window");
            }
        });
        rules = Map.copyOf(merged);
    }

    public Threshold of(AlertRule rule) {
        return rules.get(rule);
    }

    /** @param count distinct events in one window that raise the alert */
    public record Threshold(int count, Duration window) {
    }
}
