package ru.frmr.employer.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Labour Code alone says about a year, without the Government's decree: the non-working holidays of
 * art. 112 part 1, the automatic carry-over of art. 112 part 2 (a holiday on a weekend moves the day off to the
 * next working day, except the January holidays, which only a decree moves) and the shortened pre-holiday days
 * of art. 95. Used for years no confirmed decree covers, and to check the year files against the law.
 */
final class StatutoryHolidays {

    static final Map<MonthDay, String> HOLIDAYS = holidays();

    private StatutoryHolidays() {
    }

    private static Map<MonthDay, String> holidays() {
        Map<MonthDay, String> days = new LinkedHashMap<>();
        for (int day = 1; day <= 8; day++) {
            days.put(MonthDay.of(Month.JANUARY, day), day == 7 ? "Рождество Христово" : "Новогодние каникулы");
        }
        days.put(MonthDay.of(Month.FEBRUARY, 23), "День защитника Отечества");
        days.put(MonthDay.of(Month.MARCH, 8), "Международный женский день");
        days.put(MonthDay.of(Month.MAY, 1), "Праздник Весны и Труда");
        days.put(MonthDay.of(Month.MAY, 9), "День Победы");
        days.put(MonthDay.of(Month.JUNE, 12), "День России");
        days.put(MonthDay.of(Month.NOVEMBER, 4), "День народного единства");
        return Map.copyOf(days);
    }

    static boolean isHoliday(LocalDate day) {
        return HOLIDAYS.containsKey(MonthDay.from(day));
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Art. 112 part 2: the holidays outside January that fall on a weekend, each to the day off it moves to. */
    static Map<LocalDate, LocalDate> automaticTransfers(int year) {
        Map<LocalDate, LocalDate> transfers = new LinkedHashMap<>();
        Set<LocalDate> taken = new TreeSet<>();
        for (MonthDay holiday : new TreeSet<>(HOLIDAYS.keySet())) {
            LocalDate day = holiday.atYear(year);
            if (day.getMonth() == Month.JANUARY || !isWeekend(day)) {
                continue;
            }
            LocalDate to = day.plusDays(1);
            while (isWeekend(to) || isHoliday(to) || taken.contains(to)) {
                to = to.plusDays(1);
            }
            taken.add(to);
            transfers.put(day, to);
        }
        return transfers;
    }

    /** The year as the Labour Code alone gives it. */
    static CalendarYear year(int year) {
        Map<LocalDate, LocalDate> transfers = automaticTransfers(year);
        Set<LocalDate> dayOffs = new TreeSet<>(transfers.values());
        Set<LocalDate> shortened = new TreeSet<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            boolean working = !isWeekend(day) && !isHoliday(day) && !dayOffs.contains(day);
            if (working && isHoliday(day.plusDays(1))) {
                shortened.add(day);
            }
        }
        return new CalendarYear(year, false, dayOffs, Set.of(), shortened);
    }
}
