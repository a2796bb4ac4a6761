package ru.frmr.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");

    @Test
    void overnightHoursEndTheNextMorningInThePersonsZone() {
        QuietHours q = new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0), YEKATERINBURG);
        // 23:00 in Yekaterinburg (UTC+5) → 08:00 next day there.
        assertThat(q.endAfter(Instant.parse("2026-12-06T18:00:00Z")))
                .contains(Instant.parse("2026-12-07T03:00:00Z"));
        // 02:00 after midnight → 08:00 the same day.
        assertThat(q.endAfter(Instant.parse("2026-12-06T21:00:00Z")))
                .contains(Instant.parse("2026-12-07T03:00:00Z"));
        // 08:00 sharp is no longer quiet; 21:59 is not yet.
        assertThat(q.endAfter(Instant.parse("2026-12-07T03:00:00Z"))).isEmpty();
        assertThat(q.endAfter(Instant.parse("2026-12-06T16:59:00Z"))).isEmpty();
    }

    @Test
    void daytimeHoursEndTheSameDay() {
        QuietHours q = new QuietHours(true, LocalTime.of(13, 0), LocalTime.of(14, 0), QuietHours.MOSCOW);
        assertThat(q.endAfter(Instant.parse("2026-12-06T10:30:00Z")))
                .contains(Instant.parse("2026-12-06T11:00:00Z"));
        assertThat(q.endAfter(Instant.parse("2026-12-06T11:00:00Z"))).isEmpty();
    }

    @Test
    void switchedOffHoursHoldNothing() {
        assertThat(QuietHours.OFF.endAfter(Instant.parse("2026-12-06T20:30:00Z"))).isEmpty();
    }
}
