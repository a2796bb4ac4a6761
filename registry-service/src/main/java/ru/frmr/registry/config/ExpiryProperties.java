package ru.frmr.registry.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Licence expiry notices.
 *
 * @param sweepEnabled  whether this replica looks for due notices at all (any number of replicas may)
 * @param sweepInterval the pause between two sweeps of this replica
 * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
 */
@ConfigurationProperties("frmr.registry.expiry")
public record ExpiryProperties(@DefaultValue("true") boolean sweepEnabled,
                               @DefaultValue("1m") Duration sweepInterval,
                               @DefaultValue("10m") Duration lockAtMostFor) {

    public ExpiryProperties {
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("frmr.registry.expiry.sweep-interval must be positive");
        }
        if (lockAtMostFor.isNegative() || lockAtMostFor.isZero()) {
            throw new IllegalArgumentException("frmr.registry.expiry.lock-at-most-for must be positive");
        }
    }
}
