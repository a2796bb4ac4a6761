package ru.frmr.employer.calendar;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The production calendar's settings.
 *
 * @param workingDayEnd when an ordinary working day ends, Moscow time: a filing after it counts as made on the next
 *                      working day (a shortened pre-holiday day ends an hour earlier)
 */
@ConfigurationProperties("frmr.employer.calendar")
public record CalendarProperties(@DefaultValue("18:00") LocalTime workingDayEnd) {

    public CalendarProperties {
        if (workingDayEnd.isBefore(LocalTime.of(2, 0))) {
            throw new IllegalArgumentException("frmr.employer.calendar.working-day-end must be 02:00 or later");
        }
    }
}
