package ru.frmr.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Webhook settings ({@code frmr.notification.webhooks}).
 *
 * @param allowPrivateTargets true only in the local stack and tests: http URLs and loopback or private addresses
 *                            are then allowed
 * @param allowedHosts        when not empty, the only hosts a webhook may go to ({@code host} or {@code *.suffix})
 * @param signingKey          the platform's Ed25519 private key (PKCS#8, base64); no default outside local and test
 * @param signingKeyId        the key's name as the signing-key endpoint shows it
 * @param connectTimeout      connecting to a receiver
 * @param readTimeout         waiting for a receiver's answer
 * @param sweepInterval       how often each replica looks for deliveries due
 * @param sweepEnabled        false: this replica never sends
 * @param lockAtMostFor       how long a replica that died mid-sweep keeps the others from sweeping
 * @param claimLease          how long a claimed attempt keeps other replicas off it; well over the timeouts
 * @param retryPauses         the pause after the 1st, 2nd, ... failed attempt; the last one repeats
 * @param jitter              each pause is stretched or shrunk by up to this fraction at random
 * @param retryFor            how long after its first attempt a delivery is retried before it is FAILED
 * @param breaker             the circuit breaker of each receiving host
 * @param replayWindow        how far back a replay may start: it queues every stored event since then
 * @param replayPage          how many stored events a replay reads from Mongo at a time
 */
@Validated
@ConfigurationProperties("frmr.notification.webhooks")
public record WebhookProperties(Boolean allowPrivateTargets, List<String> allowedHosts, String signingKey,
                                String signingKeyId, Duration connectTimeout, Duration readTimeout,
                                Duration sweepInterval, Boolean sweepEnabled, Duration lockAtMostFor,
                                Duration claimLease, List<Duration> retryPauses, Double jitter, Duration retryFor,
                                Breaker breaker, Duration replayWindow, Integer replayPage) {

    public WebhookProperties {
        allowPrivateTargets = allowPrivateTargets != null && allowPrivateTargets;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        signingKeyId = signingKeyId == null ? "whk-1" : signingKeyId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        sweepEnabled = sweepEnabled == null || sweepEnabled;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(5) : lockAtMostFor;
        claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
        retryPauses = retryPauses == null || retryPauses.isEmpty() ? RetrySchedule.STANDARD : List.copyOf(retryPauses);
        jitter = jitter == null ? 0.1 : jitter;
        retryFor = retryFor == null ? Duration.ofDays(3) : retryFor;
        breaker = breaker == null ? new Breaker(null, null, null, null) : breaker;
        replayWindow = replayWindow == null ? Duration.ofDays(30) : replayWindow;
        replayPage = replayPage == null ? 500 : replayPage;
    }

    RetrySchedule schedule() {
        return new RetrySchedule(retryPauses, jitter, retryFor);
    }

    /**
     * @param failureRateThreshold percentage of failed calls in the window that opens a host's breaker
     * @param minimumCalls         calls in the window before the rate is judged
     * @param slidingWindow        the last calls the rate is taken over
     * @param openFor              how long an open breaker sends the host nothing (its deliveries wait, uncounted)
     */
    public record Breaker(Float failureRateThreshold, Integer minimumCalls, Integer slidingWindow, Duration openFor) {

        public Breaker {
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            slidingWindow = slidingWindow == null ? 20 : slidingWindow;
            openFor = openFor == null ? Duration.ofMinutes(1) : openFor;
        }
    }
}
