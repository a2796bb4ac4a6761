package ru.frmr.registry.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; every replica of a test shares one, as real replicas share the date. */
final class MutableTestClock extends Clock {

    private volatile Instant now;

    MutableTestClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to 09:00 Moscow time of {@code day}. */
    void setMoscowMorningOf(LocalDate day) {
        now = day.atTime(9, 0).atZone(ExpirySchedule.REGISTRY_ZONE).toInstant();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is shared; read it in UTC");
    }
}
