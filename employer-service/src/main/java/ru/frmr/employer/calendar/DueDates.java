package ru.frmr.employer.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The due-date rule (README, "Discrepancies: the due date"). Periods count as the Civil Code counts them
 * (art. 191: from the day after the event); a filing on a non-working day or after the working day's end counts
 * as made on the next working day; a shortened pre-holiday day is a working day that ends an hour earlier.
 */
public final class DueDates {

    /** Every date of the rule is a Moscow date: the register's and the Government decrees' time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private final ProductionCalendar calendar;
    private final LocalTime workingDayEnd;

    public DueDates(ProductionCalendar calendar, LocalTime workingDayEnd) {
        this.calendar = calendar;
        this.workingDayEnd = workingDayEnd;
    }

    public ProductionCalendar calendar() {
        return calendar;
    }

    /** For a filing at this instant. */
    public DueDate forFiling(Instant filedAt, int workingDays) {
        ZonedDateTime local = filedAt.atZone(ZONE);
        LocalDate day = local.toLocalDate();
        boolean inHours = calendar.isWorkingDay(day) && local.toLocalTime().isBefore(endOf(day));
        return count(inHours ? day : nextWorkingDayAfter(day), day, workingDays);
    }

    /** For a filing on this day within working hours (or on the next working day if it is a day off). */
    public DueDate forFilingDay(LocalDate day, int workingDays) {
        return count(calendar.isWorkingDay(day) ? day : nextWorkingDayAfter(day), day, workingDays);
    }

    private LocalTime endOf(LocalDate day) {
        return calendar.isShortened(day) ? workingDayEnd.minusHours(1) : workingDayEnd;
    }

    private DueDate count(LocalDate countsAsFiledOn, LocalDate filedOn, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be positive");
        }
        LocalDate due = countsAsFiledOn;
        for (int counted = 0; counted < workingDays; ) {
            due = due.plusDays(1);
            if (calendar.isWorkingDay(due)) {
                counted++;
            }
        }
        boolean provisional = false;
        for (LocalDate day = filedOn; !day.isAfter(due); day = day.plusDays(1)) {
            provisional |= !calendar.isKnown(day);
        }
        return new DueDate(countsAsFiledOn, due, provisional, due.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    private LocalDate nextWorkingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
