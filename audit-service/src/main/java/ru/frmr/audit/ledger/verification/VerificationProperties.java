package ru.frmr.audit.ledger.verification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periodic verification of the ledger ({@code frmr.audit.verification}).
 *
 * @param interval      how often the chain and the tree are verified (one replica at a time, under a ShedLock lock)
 * @param initialDelay  the first verification after start, so a freshly started replica reports soon
 * @param enabled       false: this replica never verifies (it still reports the last stored result)
 * @param lockAtMostFor how long a replica that died mid-verification keeps the others from verifying: well under
 *                      the alert FrmrAuditChainNotVerified's 15 minutes without a verification
 */
@ConfigurationProperties("frmr.audit.verification")
public record VerificationProperties(Duration interval, Duration initialDelay, Boolean enabled,
                                     Duration lockAtMostFor) {

    public VerificationProperties {
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        initialDelay = initialDelay == null ? Duration.ofSeconds(30) : initialDelay;
        enabled = enabled == null || enabled;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(10) : lockAtMostFor;
    }

    /**
     * How long a verification keeps the lock however fast it was: each replica has its own timer, and with the lock
     * held for nearly an interval the first replica's run stands for the others' in that interval (one run per
     * interval, not one per replica).
     */
    public Duration lockAtLeastFor() {
        Duration almostAnInterval = interval.minusSeconds(30);
        Duration least = almostAnInterval.isNegative() ? Duration.ZERO : almostAnInterval;
        return least.compareTo(lockAtMostFor) > 0 ? lockAtMostFor : least;
    }
}
