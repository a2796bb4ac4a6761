package ru.frmr.employer.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Russian production calendar: the year files where they exist, the Labour Code alone elsewhere. A day is
 * known when a confirmed year file covers it; {@link #knownUntil()} is the last day of the unbroken run of
 * confirmed years.
 */
public final class ProductionCalendar {

    private final Map<Integer, CalendarYear> years;
    private final Map<Integer, CalendarYear> statutory = new ConcurrentHashMap<>();
    private final LocalDate knownUntil;

    ProductionCalendar(Collection<CalendarYear> loaded) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : loaded) {
            if (byYear.put(year.year(), year) != null) {
                throw new IllegalStateException("Two production calendar files for " + year.year());
            }
        }
        Integer first = byYear.entrySet().stream().filter(e -> e.getValue().confirmed()).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("No confirmed production calendar year"));
        int last = first;
        while (byYear.containsKey(last + 1) && byYear.get(last + 1).confirmed()) {
            last++;
        }
        this.years = Map.copyOf(byYear);
        this.knownUntil = LocalDate.of(last, 12, 31);
    }

    /** The calendar of the files packaged with the service; throws when one contradicts itself. */
    public static ProductionCalendar fromYearFiles() {
        return new ProductionCalendar(CalendarYearFiles.loadAll());
    }

    public LocalDate knownUntil() {
        return knownUntil;
    }

    /** Whether a confirmed decree stands behind this day's status. */
    public boolean isKnown(LocalDate day) {
        CalendarYear year = years.get(day.getYear());
        return year != null && year.confirmed();
    }

    public boolean isWorkingDay(LocalDate day) {
        return year(day).isWorkingDay(day);
    }

    /** A working day one hour shorter (ТК РФ ст. 95). */
    public boolean isShortened(LocalDate day) {
        return year(day).isShortened(day);
    }

    private CalendarYear year(LocalDate day) {
        CalendarYear year = years.get(day.getYear());
        return year != null ? year : statutory.computeIfAbsent(day.getYear(), StatutoryHolidays::year);
    }
}
