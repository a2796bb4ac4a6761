package ru.frmr.notification.delivery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox's settings ({@code frmr.notification.delivery}).
 *
 * @param sweepInterval how often each replica looks for messages due
 * @param sweepEnabled  false: this replica never sends (tests that drive the sweeper by hand)
 * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
 * @param claimLease    how long a claimed attempt keeps other replicas off the message; longer than a send can take
 *                      (SMTP and SMS timeouts), so a lease only runs out when its replica died
 * @param firstRetry    the pause after the first failed attempt; doubled after each further one
 * @param maxRetry      the longest pause between attempts
 * @param maxAttempts   attempts before the message is given up (RETRIES_EXHAUSTED); an open breaker's skipped turns
 *                      are not attempts, and failures of the channel itself (SMTP or the SMS gateway down) do not
 *                      use them up
 * @param outageBudget  how long a message keeps waiting for its channel to come back (counted from when it was
 *                      queued or an operator retried it) before it is given up (RETRIES_EXHAUSTED)
 * @param breaker       the circuit breaker of each outside channel (e-mail, SMS)
 */
@Validated
@ConfigurationProperties("frmr.notification.delivery")
public record DeliveryProperties(Duration sweepInterval, Boolean sweepEnabled, Duration lockAtMostFor,
                                 Duration claimLease, Duration firstRetry, Duration maxRetry,
                                 @Min(1) Integer maxAttempts, Duration outageBudget, Breaker breaker) {

    public DeliveryProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        sweepEnabled = sweepEnabled == null || sweepEnabled;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(5) : lockAtMostFor;
        claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        outageBudget = outageBudget == null ? Duration.ofDays(3) : outageBudget;
        breaker = breaker == null ? new Breaker(null, null, null, null, null) : breaker;
    }

    /** The pause after {@code attempts} failed attempts: {@code firstRetry} doubled each time, at most {@code maxRetry}. */
    public Duration pauseAfter(int attempts) {
        Duration pause = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
    }

    /**
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param minimumCalls         calls in the window before the rate is judged
     * @param slidingWindow        the last calls the rate is taken over
     * @param openFor              how long an open breaker lets nothing through before trying again
     * @param halfOpenCalls        trial calls let through after {@code openFor}
     */
    public record Breaker(Float failureRateThreshold, Integer minimumCalls, Integer slidingWindow, Duration openFor,
                          Integer halfOpenCalls) {

        public Breaker {
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            slidingWindow = slidingWindow == null ? 20 : slidingWindow;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
            halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
        }
    }
}
