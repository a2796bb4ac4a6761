package ru.frmr.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the Standard Webhooks example schedule (5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 10 h, 14 h, 20 h, 24 h, then 24 h apart), each pause stretched or shrunk at random by up to the jitter so
 * that the deliveries of one outage do not all come back at the same second, until {@code retryFor} after the
 * first attempt; after that the delivery is FAILED.
 */
public record RetrySchedule(List<Duration> pauses, double jitter, Duration retryFor) {

    static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

    public RetrySchedule {
        pauses = List.copyOf(pauses);
        if (pauses.isEmpty() || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("pauses must not be empty and jitter must be in [0, 1)");
        }
    }

    /** The pause after {@code failedAttempts} failures, before jitter. */
    public Duration pauseAfter(int failedAttempts) {
        return pauses.get(Math.min(Math.max(failedAttempts, 1), pauses.size()) - 1);
    }

    /**
     * @param random a number in [0, 1)
     * @return when to try again, or empty when that would be past {@code retryFor} after {@code firstAttemptAt}
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant firstAttemptAt, Instant now,
                                         DoubleSupplier random) {
        Duration pause = pauseAfter(failedAttempts);
        long millis = pause.toMillis();
        long jittered = Math.round(millis * (1 + jitter * (2 * random.getAsDouble() - 1)));
        Instant next = now.plusMillis(Math.max(jittered, 1));
        return next.isAfter(firstAttemptAt.plus(retryFor)) ? Optional.empty() : Optional.of(next);
    }
}
