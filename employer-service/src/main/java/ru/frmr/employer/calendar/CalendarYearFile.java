package ru.frmr.employer.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A year file as stored ({@code calendar/production-calendar-<year>.json}): the decree it comes from, the holidays
 * of ТК РФ ст. 112, the transfers of days off, working weekends, shortened pre-holiday days and, optionally, the
 * number of working days the official calendar states (a check on the rest).
 */
record CalendarYearFile(Integer year, Decree decree, String note, List<Holiday> holidays, List<Transfer> transfers,
                        List<LocalDate> workingWeekends, List<LocalDate> shortenedDays, Integer expectedWorkingDays) {

    /** CONFIRMED: the decree is named and its transfers are in the file. UNCONFIRMED: only what the law gives. */
    enum DecreeStatus { CONFIRMED, UNCONFIRMED }

    record Decree(DecreeStatus status, String number, LocalDate date, String title) {
    }

    record Holiday(LocalDate date, String name) {
    }

    /** DECREE: the Government moved it; LABOUR_CODE: art. 112 part 2 moves it without a decree. */
    enum Basis { DECREE, LABOUR_CODE }

    /**
     * A weekend day's rest moved to a weekday: {@code from} is a holiday on a weekend (it stays a day off) or an
     * ordinary Saturday or Sunday that becomes a working day (listed in {@code workingWeekends}).
     */
    record Transfer(LocalDate from, LocalDate to, Basis basis) {
    }
}
