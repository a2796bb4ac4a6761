package ru.frmr.audit.ledger.verification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periodic verification of the ledger ({@code frmr.audit.verification}).
 *
 * @param interval      how often the chain and the tree are verified (one replica at a time, under a ShedLock lock)
 * @param initialDelay  the first verification after start, so a freshly started replica reports soon
 * @param enabled       false: this replica never verifies (it still reports the last stored result)
 * @param lockAtMostFor how long a replica that died mid-verification keeps the others from verifying
 */
@ConfigurationProperties("frmr.audit.verification")
public record VerificationProperties(Duration interval, Duration initialDelay, Boolean enabled,
                                     Duration lockAtMostFor) {

    public VerificationProperties {
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        initialDelay = initialDelay == null ? Duration.ofSeconds(30) : initialDelay;
        enabled = enabled == null || enabled;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(30) : lockAtMostFor;
    }
}
