package ru.frmr.employer.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Link requests.
 *
 * @param expireAfter   how long a request waits for its answer (a bare number is days)
 * @param sweepEnabled  whether this replica looks for requests past their deadline at all (any number may)
 * @param sweepInterval the pause between two sweeps of this replica
 * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
 */
@ConfigurationProperties("frmr.employer.link-requests")
public record LinkRequestProperties(@DefaultValue("14") @DurationUnit(ChronoUnit.DAYS) Duration expireAfter,
                                    @DefaultValue("true") boolean sweepEnabled,
                                    @DefaultValue("1m") Duration sweepInterval,
                                    @DefaultValue("10m") Duration lockAtMostFor) {

    public LinkRequestProperties {
        positive(expireAfter, "expire-after");
        positive(sweepInterval, "sweep-interval");
        positive(lockAtMostFor, "lock-at-most-for");
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("frmr.employer.link-requests." + name + " must be positive");
        }
    }
}
