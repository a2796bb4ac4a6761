package ru.frmr.employer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.employer.calendar.DueDate;
import ru.frmr.employer.calendar.DueDates;
import ru.frmr.kit.error.InvalidParameterException;

/** The due date of an answer by the production calendar, as the cabinet shows it beside a discrepancy. */
@RestController
@RequestMapping("/api/employer/calendar")
class CalendarController {

    static final int MAX_WORKING_DAYS = 60;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final DueDates dueDates;

    CalendarController(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    /**
     * @param from        the filing day ({@code 2026-02-19}, within working hours) or instant
     *                    ({@code 2026-02-19T18:30:00+03:00}, which may be after hours)
     * @param workingDays the period, 1 to 60 working days
     */
    @GetMapping("/due-date")
    DueDateResponse dueDate(@RequestParam(required = false) String from,
                            @RequestParam(required = false) String workingDays) {
        int days = workingDays(workingDays);
        DueDate due;
        LocalDate filedOn;
        if (from != null && from.length() > 10) {
            Instant filedAt = instant(from);
            filedOn = LocalDate.ofInstant(filedAt, DueDates.ZONE);
            checkYear(filedOn);
            due = dueDates.forFiling(filedAt, days);
        } else {
            filedOn = date(from);
            checkYear(filedOn);
            due = dueDates.forFilingDay(filedOn, days);
        }
        return new DueDateResponse(from, days, due.countsAsFiledOn(), due.dueDate(), due.provisional(),
                dueDates.calendar().knownUntil());
    }

    private static int workingDays(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("workingDays", "is required");
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= MAX_WORKING_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new InvalidParameterException("workingDays", "must be a whole number from 1 to " + MAX_WORKING_DAYS);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("from", "is required");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("from", "must be a date YYYY-MM-DD or a date-time with its offset");
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("from", "must be a date YYYY-MM-DD or a date-time with its offset");
        }
    }

    private static void checkYear(LocalDate day) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw new InvalidParameterException("from", "must lie in the years " + FIRST_YEAR + "–" + LAST_YEAR);
        }
    }

    record DueDateResponse(String from, int workingDays, LocalDate countsAsFiledOn, LocalDate dueDate,
                           boolean provisional, LocalDate calendarKnownUntil) {
    }
}
