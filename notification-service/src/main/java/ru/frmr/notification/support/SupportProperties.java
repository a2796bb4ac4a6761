package ru.frmr.notification.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of support requests ({@code frmr.notification.support}). The answer target (24 h) and the reopening
 * window (14 days) are the rules ({@link ru.frmr.notification.support.api.SupportPolicy}), not settings.
 *
 * @param sweepInterval how often each replica looks for missed answer targets and requests to close
 * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
 * @param sweepEnabled  false: this replica never sweeps (tests that drive the sweeps by hand)
 * @param publicLimits  filings without logging in
 */
@ConfigurationProperties("frmr.notification.support")
public record SupportProperties(Duration sweepInterval, Duration lockAtMostFor, Boolean sweepEnabled,
                                PublicLimits publicLimits) {

    public SupportProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(5) : lockAtMostFor;
        sweepEnabled = sweepEnabled == null || sweepEnabled;
        publicLimits = publicLimits == null ? new PublicLimits(null, null, null, null) : publicLimits;
    }

    /**
     * At most {@code perAddress} filings per client address in {@code addressWindow}, and {@code perEmail} per
     * e-mail address in {@code emailWindow}.
     */
    public record PublicLimits(Integer perAddress, Duration addressWindow, Integer perEmail, Duration emailWindow) {

        public PublicLimits {
            perAddress = perAddress == null ? 5 : perAddress;
            addressWindow = addressWindow == null ? Duration.ofHours(1) : addressWindow;
            perEmail = perEmail == null ? 3 : perEmail;
            emailWindow = emailWindow == null ? Duration.ofDays(1) : emailWindow;
        }
    }
}
