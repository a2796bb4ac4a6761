package ru.frmr.employer.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year of the production calendar: beside weekends and the art. 112 holidays, the weekdays that are days off
 * (transferred), the weekend days that are working days, and the working days shortened by an hour.
 *
 * @param confirmed whether a Government decree confirmed by the year file stands behind it; otherwise the year
 *                  holds what the Labour Code alone says and answers computed in it are provisional
 */
record CalendarYear(int year, boolean confirmed, Set<LocalDate> transferredDaysOff, Set<LocalDate> workingWeekends,
                    Set<LocalDate> shortenedDays) {

    CalendarYear {
        transferredDaysOff = Set.copyOf(transferredDaysOff);
        workingWeekends = Set.copyOf(workingWeekends);
        shortenedDays = Set.copyOf(shortenedDays);
    }

    boolean isWorkingDay(LocalDate day) {
        if (StatutoryHolidays.isHoliday(day) || transferredDaysOff.contains(day)) {
            return false;
        }
        return !StatutoryHolidays.isWeekend(day) || workingWeekends.contains(day);
    }

    boolean isShortened(LocalDate day) {
        return shortenedDays.contains(day);
    }

    int workingDays() {
        int count = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
