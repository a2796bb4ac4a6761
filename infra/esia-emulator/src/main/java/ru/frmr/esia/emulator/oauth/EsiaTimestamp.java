package ru.frmr.esia.emulator.oauth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** ESIA's request {@code timestamp}: {@code yyyy.MM.dd HH:mm:ss Z}, e.g. {@code 2026.11.25 10:15:30 +0300}. */
public final class EsiaTimestamp {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu.MM.dd HH:mm:ss Z")
            .withResolverStyle(ResolverStyle.STRICT);

    private EsiaTimestamp() {
    }

    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, FORMAT).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
