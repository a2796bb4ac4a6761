package ru.frmr.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, 0.1, Duration.ofDays(3));

    @Test
    void withoutJitterThePausesAreTheStandardWebhooksExampleThenADayApartUntilThreeDaysAreSpent() {
        List<Duration> pauses = new ArrayList<>();
        Instant at = FIRST;
        for (int failed = 1; ; failed++) {
            Optional<Instant> next = schedule.nextAttempt(failed, FIRST, at, () -> 0.5);
            if (next.isEmpty()) {
                break;
            }
            pauses.add(Duration.between(at, next.get()));
            at = next.get();
        }

        assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10),
                Duration.ofHours(14), Duration.ofHours(20));
        // 61 h 35 min 5 s after the first attempt; the next pause (24 h) would end past 72 h: FAILED then.
        assertThat(at).isEqualTo(FIRST.plus(Duration.parse("PT61H35M5S")));
        assertThat(at.plus(Duration.ofHours(24))).isAfter(FIRST.plus(Duration.ofDays(3)));
    }

    @Test
    void jitterStretchesOrShrinksAPauseByAtMostItsFraction() {
        Instant now = FIRST.plusSeconds(60);
        Instant shortest = schedule.nextAttempt(3, FIRST, now, () -> 0.0).orElseThrow();
        Instant longest = schedule.nextAttempt(3, FIRST, now, () -> 0.999_999).orElseThrow();

        assertThat(Duration.between(now, shortest)).isEqualTo(Duration.ofMinutes(27));
        assertThat(Duration.between(now, longest)).isBetween(Duration.ofMinutes(32), Duration.ofMinutes(33));
    }

    @Test
    void theLastPauseRepeats() {
        assertThat(schedule.pauseAfter(10)).isEqualTo(Duration.ofHours(24));
        assertThat(schedule.pauseAfter(25)).isEqualTo(Duration.ofHours(24));
        assertThat(schedule.pauseAfter(1)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void nothingIsScheduledPastTheBudget() {
        Instant late = FIRST.plus(Duration.ofDays(3)).minusSeconds(2);
        assertThat(schedule.nextAttempt(1, FIRST, late, () -> 0.5)).isEmpty();
        assertThat(schedule.nextAttempt(1, FIRST, late.minusSeconds(10), () -> 0.5)).isPresent();
    }
}
