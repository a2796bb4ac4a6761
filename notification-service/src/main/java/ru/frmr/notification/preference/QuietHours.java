package ru.frmr.notification.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours in which a person does not want e-mail or SMS that can wait: from {@code from} to {@code to} in their
 * time zone, across midnight when {@code from} is later than {@code to}.
 */
public record QuietHours(boolean enabled, LocalTime from, LocalTime to, ZoneId timeZone) {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    public static final QuietHours OFF = new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(8, 0), MOSCOW);

    /** When the quiet hours {@code at} falls in end; empty when it falls outside them (or they are off). */
    public Optional<Instant> endAfter(Instant at) {
        if (!enabled || from.equals(to)) {
            return Optional.empty();
        }
        ZonedDateTime local = at.atZone(timeZone);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.toLocalDate().atTime(to).atZone(timeZone);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(to).atZone(timeZone);
        }
        return Optional.of(end.toInstant());
    }
}
