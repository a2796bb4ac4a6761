package ru.frmr.employer.saga;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Discrepancies and their answer deadlines.
 *
 * @param answerWorkingDays how many working days HR has to answer (3 by the issue; the rule is in the README)
 * @param sweepEnabled      whether this replica looks for overdue discrepancies at all (any number of replicas may)
 * @param sweepInterval     the pause between two sweeps of this replica
 * @param lockAtMostFor     how long a replica that died mid-sweep keeps the others from sweeping
 */
@ConfigurationProperties("frmr.employer.discrepancies")
public record DiscrepancyProperties(@DefaultValue("3") int answerWorkingDays,
                                    @DefaultValue("true") boolean sweepEnabled,
                                    @DefaultValue("1m") Duration sweepInterval,
                                    @DefaultValue("10m") Duration lockAtMostFor) {

    public DiscrepancyProperties {
        if (answerWorkingDays < 1 || answerWorkingDays > 60) {
            throw new IllegalArgumentException("frmr.employer.discrepancies.answer-working-days must be 1 to 60");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("frmr.employer.discrepancies.sweep-interval must be positive");
        }
        if (lockAtMostFor.isNegative() || lockAtMostFor.isZero()) {
            throw new IllegalArgumentException("frmr.employer.discrepancies.lock-at-most-for must be positive");
        }
    }
}
