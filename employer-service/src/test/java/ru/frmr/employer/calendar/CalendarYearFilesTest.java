package ru.frmr.employer.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The packaged year files load and agree with the official totals; a file that contradicts itself is refused. */
class CalendarYearFilesTest {

    @Test
    void thePackagedYearsLoad() {
        List<CalendarYear> years = CalendarYearFiles.loadAll();
        assertThat(years).extracting(CalendarYear::year).contains(2025, 2026, 2027);
        CalendarYear y2026 = years.stream().filter(y -> y.year() == 2026).findFirst().orElseThrow();
        assertThat(y2026.confirmed()).isTrue();
        assertThat(y2026.workingDays()).isEqualTo(247);
        assertThat(y2026.isWorkingDay(LocalDate.of(2026, 1, 9))).isFalse();
        assertThat(y2026.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
        CalendarYear y2025 = years.stream().filter(y -> y.year() == 2025).findFirst().orElseThrow();
        assertThat(y2025.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(y2025.workingDays()).isEqualTo(247);
        CalendarYear y2027 = years.stream().filter(y -> y.year() == 2027).findFirst().orElseThrow();
        assertThat(y2027.confirmed()).isFalse();
    }

    @Test
    void anUnconfirmedYearHoldsWhatTheLabourCodeAloneGives() {
        CalendarYear file = CalendarYearFiles.loadAll().stream().filter(y -> y.year() == 2027).findFirst()
                .orElseThrow();
        CalendarYear law = StatutoryHolidays.year(2027);
        assertThat(file.transferredDaysOff()).isEqualTo(law.transferredDaysOff());
        assertThat(file.shortenedDays()).isEqualTo(law.shortenedDays());
    }

    @Test
    void aValidMinimalFileLoads() throws IOException {
        CalendarYear year = parse(file2026("[{\"from\": \"2026-03-08\", \"to\": \"2026-03-09\", \"basis\": \"LABOUR_CODE\"},"
                + "{\"from\": \"2026-05-09\", \"to\": \"2026-05-11\", \"basis\": \"LABOUR_CODE\"}]", "[]", "[]"));
        assertThat(year.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
    }

    @Test
    void aTransferToAWeekendIsRefused() {
        assertThatThrownBy(() -> parse(file2026(AUTOMATIC + ",{\"from\": \"2026-01-03\", \"to\": \"2026-01-10\","
                + " \"basis\": \"DECREE\"}]", "[]", "[]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ordinary weekday");
    }

    @Test
    void aMissingLabourCodeTransferIsRefused() {
        assertThatThrownBy(() -> parse(file2026("[]", "[]", "[]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2026-03-08")
                .hasMessageContaining("2026-05-09");
    }

    @Test
    void aShortenedDayOffIsRefused() {
        assertThatThrownBy(() -> parse(file2026(AUTOMATIC + "]", "[]", "[\"2026-05-09\"]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shortened day must be a working day");
    }

    @Test
    void aWeekendMadeWorkingWithoutATransferIsRefused() {
        assertThatThrownBy(() -> parse(file2026(AUTOMATIC + "]", "[\"2026-11-07\"]", "[]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("working weekend");
    }

    @Test
    void aTransferFromAnOrdinarySaturdayNeedsItToBeAWorkingDay() {
        assertThatThrownBy(() -> parse(file2026(AUTOMATIC + ",{\"from\": \"2026-11-07\", \"to\": \"2026-11-05\","
                + " \"basis\": \"DECREE\"}]", "[]", "[]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("workingWeekends");
    }

    @Test
    void aWrongTotalIsRefused() {
        String json = file2026(AUTOMATIC + "]", "[]", "[]").replace("\"note\"", "\"expectedWorkingDays\": 246, \"note\"");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("249 working days, not 246");
    }

    @Test
    void aMissingHolidayOrAForeignYearIsRefused() {
        String withoutNovember = file2026(AUTOMATIC + "]", "[]", "[]")
                .replace(",{\"date\": \"2026-11-04\", \"name\": \"День народного единства\"}", "");
        assertThatThrownBy(() -> parse(withoutNovember)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ст. 112");
        assertThatThrownBy(() -> CalendarYearFiles.parse(stream(file2026(AUTOMATIC + "]", "[]", "[]")), 2025,
                "production-calendar-2025.json")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("year must be 2025");
    }

    @Test
    void aConfirmedDecreeMustBeNamedAndAnUnconfirmedOneMovesNothingItself() {
        String unnamed = file2026(AUTOMATIC + "]", "[]", "[]").replace("\"number\": \"1466\"", "\"number\": null");
        assertThatThrownBy(() -> parse(unnamed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("number, date and title");
        String unconfirmed = file2026(AUTOMATIC + ",{\"from\": \"2026-01-03\", \"to\": \"2026-01-09\","
                + " \"basis\": \"DECREE\"}]", "[]", "[]").replace("CONFIRMED", "UNCONFIRMED");
        assertThatThrownBy(() -> parse(unconfirmed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a confirmed decree");
    }

    @Test
    void twoFilesForOneYearAreRefused() {
        CalendarYear year = StatutoryHolidays.year(2026);
        CalendarYear confirmed = new CalendarYear(2026, true, year.transferredDaysOff(), year.workingWeekends(),
                year.shortenedDays());
        assertThatThrownBy(() -> new ProductionCalendar(List.of(confirmed, confirmed)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static final String AUTOMATIC = "[{\"from\": \"2026-03-08\", \"to\": \"2026-03-09\", \"basis\": \"LABOUR_CODE\"},"
            + "{\"from\": \"2026-05-09\", \"to\": \"2026-05-11\", \"basis\": \"LABOUR_CODE\"}";

    private static String file2026(String transfers, String workingWeekends, String shortenedDays) {
        return """
                {"year": 2026,
                 "decree": {"status": "CONFIRMED", "number": "1466", "date": "2025-09-24", "title": "О переносе"},
                 "note": "test",
                 "holidays": [
                   {"date": "2026-01-01", "name": "Новогодние каникулы"},{"date": "2026-01-02", "name": "Новогодние каникулы"},
                   {"date": "2026-01-03", "name": "Новогодние каникулы"},{"date": "2026-01-04", "name": "Новогодние каникулы"},
                   {"date": "2026-01-05", "name": "Новогодние каникулы"},{"date": "2026-01-06", "name": "Новогодние каникулы"},
                   {"date": "2026-01-07", "name": "Рождество Христово"},{"date": "2026-01-08", "name": "Новогодние каникулы"},
                   {"date": "2026-02-23", "name": "День защитника Отечества"},{"date": "2026-03-08", "name": "8 Марта"},
                   {"date": "2026-05-01", "name": "Праздник Весны и Труда"},{"date": "2026-05-09", "name": "День Победы"},
                   {"date": "2026-06-12", "name": "День России"},{"date": "2026-11-04", "name": "День народного единства"}],
                 "transfers": %s,
                 "workingWeekends": %s,
                 "shortenedDays": %s}
                """.formatted(transfers, workingWeekends, shortenedDays);
    }

    private static CalendarYear parse(String json) throws IOException {
        return CalendarYearFiles.parse(stream(json), 2026, "production-calendar-2026.json");
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
