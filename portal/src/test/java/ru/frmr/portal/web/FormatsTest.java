package ru.frmr.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FormatsTest {

    /** 6 December 2026, 22:30 UTC: already the 7th in Moscow. */
    private final Formats formats = new Formats(Clock.fixed(Instant.parse("2026-12-06T22:30:00Z"), ZoneOffset.UTC));

    @Test
    void datesAreWrittenTheRussianWayInMoscowTime() {
        assertThat(formats.date("2026-04-12")).isEqualTo("12.04.2026");
        assertThat(formats.date("2026-12-06T22:30:00Z")).isEqualTo("07.12.2026");
        assertThat(formats.dateTime("2026-12-06T22:30:00Z")).isEqualTo("07.12.2026 01:30 МСК");
        assertThat(formats.date(null)).isEqualTo("—");
        assertThat(formats.date("not a date")).isEqualTo("not a date");
    }

    @Test
    void daysAreCountedFromTodayInMoscowWithTheRightWordForm() {
        assertThat(formats.daysUntil("2026-12-08")).isEqualTo(1);
        assertThat(formats.daysUntil("2026-12-01")).isEqualTo(-6);
        assertThat(formats.days(1)).isEqualTo("1 день");
        assertThat(formats.days(3)).isEqualTo("3 дня");
        assertThat(formats.days(5)).isEqualTo("5 дней");
        assertThat(formats.days(11)).isEqualTo("11 дней");
        assertThat(formats.days(21)).isEqualTo("21 день");
        assertThat(formats.days(112)).isEqualTo("112 дней");
    }

    @Test
    void theSnilsIsMaskedButForItsLastFiveDigits() {
        assertThat(formats.maskedSnils("112-233-445 95")).isEqualTo("***-***-445 95");
        assertThat(formats.maskedSnils("11223344595")).isEqualTo("***-***-445 95");
        assertThat(formats.maskedSnils("123")).isEqualTo("***");
        assertThat(formats.maskedSnils(null)).isEqualTo("—");
    }

    @Test
    void namesAreInФиоOrderWithoutGaps() throws Exception {
        assertThat(formats.fullName("Иванова", "Мария", "Петровна")).isEqualTo("Иванова Мария Петровна");
        assertThat(formats.fullName("Иванова", "Мария", null)).isEqualTo("Иванова Мария");
        assertThat(formats.join(new ObjectMapper().readTree("[{\"name\":\"Терапия\"},{\"name\":\"Кардиология\"}]"),
                "name")).isEqualTo("Терапия, Кардиология");
    }
}
