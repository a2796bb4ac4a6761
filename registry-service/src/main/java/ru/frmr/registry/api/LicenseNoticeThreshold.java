package ru.frmr.registry.api;

import java.time.LocalDate;
import java.util.Arrays;

/** When a licence (a certificate or an accreditation of the record) gets a notice: days before its end date. */
public enum LicenseNoticeThreshold {
    DAYS_90(90),
    DAYS_30(30),
    DAYS_7(7),
    /** On the end date itself: the licence has expired. */
    END_DATE(0);

    private final int daysBefore;

    LicenseNoticeThreshold(int daysBefore) {
        this.daysBefore = daysBefore;
    }

    public int daysBefore() {
        return daysBefore;
    }

    /** The day this notice becomes due for a licence ending on {@code endDate}. */
    public LocalDate dueOn(LocalDate endDate) {
        return endDate.minusDays(daysBefore);
    }

    /**
     * Whether a nearer notice is due on {@code day} too, so this one would only repeat older news: a licence
     * that enters the record 20 days before its end, or a sweep after an outage, gets the nearest notice only.
     */
    public boolean supersededOn(LocalDate endDate, LocalDate day) {
        return Arrays.stream(values())
                .anyMatch(nearer -> nearer.daysBefore < daysBefore && !nearer.dueOn(endDate).isAfter(day));
    }
}
