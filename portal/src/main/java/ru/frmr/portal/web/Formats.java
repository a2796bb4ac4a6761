package ru.frmr.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * Russian conventions for the pages ({@code ${@fmt.date(x)}} in templates): dates ДД.ММ.ГГГГ, times in Moscow
 * time, the СНИЛС masked wherever it is not the person's own, day counts with the right word form.
 */
@Component("fmt")
public class Formats {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Clock clock;

    public Formats(Clock clock) {
        this.clock = clock;
    }

    /** {@code 2026-04-12} or an instant, as {@code 12.04.2026}; what cannot be read is shown as it came. */
    public String date(Object value) {
        if (value == null) {
            return "—";
        }
        String text = value.toString();
        if (text.isBlank() || "null".equals(text)) {
            return "—";
        }
        try {
            if (text.length() > 10) {
                return DATE.format(Instant.parse(text).atZone(MOSCOW));
            }
            return DATE.format(LocalDate.parse(text));
        } catch (DateTimeParseException unreadable) {
            return text;
        }
    }

    /** An instant as {@code 12.04.2026 14:05} Moscow time. */
    public String dateTime(Object value) {
        if (value == null || value.toString().isBlank() || "null".equals(value.toString())) {
            return "—";
        }
        try {
            return DATE_TIME.format(Instant.parse(value.toString()).atZone(MOSCOW)) + " МСК";
        } catch (DateTimeParseException unreadable) {
            return value.toString();
        }
    }

    /** Days from today (Moscow) to a date; negative when it has passed; null when there is no date. */
    public Long daysUntil(Object value) {
        if (value == null || value.toString().isBlank() || "null".equals(value.toString())) {
            return null;
        }
        try {
            return ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(MOSCOW)),
                    LocalDate.parse(value.toString().substring(0, 10)));
        } catch (DateTimeParseException | IndexOutOfBoundsException unreadable) {
            return null;
        }
    }

    /** {@code 5 дней}, {@code 1 день}, {@code 3 дня}. */
    public String days(long count) {
        long n = Math.abs(count) % 100;
        long last = n % 10;
        String word = n >= 11 && n <= 14 ? "дней" : last == 1 ? "день" : last >= 2 && last <= 4 ? "дня" : "дней";
        return count + " " + word;
    }

    /** The СНИЛС with only its last five digits shown: {@code ***-***-445 95}. */
    public String maskedSnils(String snils) {
        if (snils == null || snils.isBlank()) {
            return "—";
        }
        String digits = snils.replaceAll("\\D", "");
        if (digits.length() != 11) {
            return "***";
        }
        return "***-***-" + digits.substring(6, 9) + " " + digits.substring(9);
    }

    /** The {@code field} of each element of a JSON array (or the element itself), joined with commas. */
    public String join(com.fasterxml.jackson.databind.JsonNode array, String field) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        array.forEach(item -> {
            String value = field == null ? item.asText("") : item.path(field).asText("");
            if (!value.isBlank()) {
                parts.add(value);
            }
        });
        return String.join(", ", parts);
    }

    /** ФИО in Russian order from its parts; missing parts left out. */
    public String fullName(Object last, Object first, Object middle) {
        StringBuilder name = new StringBuilder();
        for (Object part : new Object[] {last, first, middle}) {
            if (part != null && !part.toString().isBlank() && !"null".equals(part.toString())) {
                if (!name.isEmpty()) {
                    name.append(' ');
                }
                name.append(part);
            }
        }
        return name.toString();
    }
}
