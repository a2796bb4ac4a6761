package ru.frmr.employer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The due-date rule on the packaged production calendar: three working days across holidays and transfers. */
class DueDatesTest {

    private static final ProductionCalendar CALENDAR = ProductionCalendar.fromYearFiles();
    private final DueDates dueDates = new DueDates(CALENDAR, LocalTime.of(18, 0));

    @ParameterizedTest(name = "filed {0} → counts as {1}, due {2}")
    @CsvSource({
            // 2026: 23 February (Monday) is a holiday
            "2026-02-19, 2026-02-19, 2026-02-25",
            "2026-02-20, 2026-02-20, 2026-02-26",
            // 8 March (Sunday) moves the day off to Monday 9 March (ТК РФ ст. 112 part 2)
            "2026-03-05, 2026-03-05, 2026-03-11",
            // 1 May (Friday), the weekend after it
            "2026-04-29, 2026-04-29, 2026-05-05",
            // 9 May (Saturday) moves the day off to Monday 11 May
            "2026-05-07, 2026-05-07, 2026-05-13",
            "2026-05-08, 2026-05-08, 2026-05-14",
            // 12 June (Friday)
            "2026-06-10, 2026-06-10, 2026-06-16",
            // 4 November (Wednesday)
            "2026-11-02, 2026-11-02, 2026-11-06",
            // New Year: 31 December 2025 (transferred from 4 January 2026), 1–8 January, 9 January (from 3 January)
            "2025-12-29, 2025-12-29, 2026-01-13",
            "2025-12-30, 2025-12-30, 2026-01-14",
            // filed on a Saturday: counts as filed on the next working day, Tuesday 24 February
            "2026-02-21, 2026-02-24, 2026-02-27",
            // filed on a holiday
            "2026-01-05, 2026-01-12, 2026-01-15",
            // 2025: 8 May is a day off (from 23 February), 9 May a holiday
            "2025-05-07, 2025-05-07, 2025-05-14",
            // 2025: Saturday 1 November is a working day, 3 November a day off (from it), 4 November a holiday
            "2025-10-31, 2025-10-31, 2025-11-06",
            "2025-11-01, 2025-11-01, 2025-11-07",
            // 2025: 13 June is a day off (from 8 March)
            "2025-06-11, 2025-06-11, 2025-06-18",
    })
    void countsWorkingDaysFromTheDayAfterFiling(LocalDate filed, LocalDate countsAs, LocalDate due) {
        DueDate answer = dueDates.forFilingDay(filed, 3);
        assertThat(answer.countsAsFiledOn()).isEqualTo(countsAs);
        assertThat(answer.dueDate()).isEqualTo(due);
        assertThat(answer.provisional()).isFalse();
        assertThat(answer.overdueAt()).isEqualTo(due.plusDays(1).atStartOfDay(DueDates.ZONE).toInstant());
    }

    @Test
    void theExampleOfTheIssue() {
        DueDate answer = dueDates.forFiling(moscow("2026-02-19T11:00"), 3);
        assertThat(answer.dueDate()).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(answer.dueDate().getDayOfWeek()).hasToString("WEDNESDAY");
    }

    @Test
    void afterWorkingHoursCountsAsTheNextWorkingDay() {
        assertThat(dueDates.forFiling(moscow("2026-02-19T17:59:59"), 3).dueDate())
                .isEqualTo(LocalDate.of(2026, 2, 25));
        DueDate afterHours = dueDates.forFiling(moscow("2026-02-19T18:00"), 3);
        assertThat(afterHours.countsAsFiledOn()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(afterHours.dueDate()).isEqualTo(LocalDate.of(2026, 2, 26));
        // after hours on a Friday before the 23 February weekend: next working day is Tuesday 24 February
        DueDate friday = dueDates.forFiling(moscow("2026-02-20T21:15"), 3);
        assertThat(friday.countsAsFiledOn()).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(friday.dueDate()).isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void theMoscowDayDecidesNotTheUtcOne() {
        // 22:30 UTC on Thursday is 01:30 on Friday in Moscow: a filing at night, after Thursday's hours
        DueDate answer = dueDates.forFiling(Instant.parse("2026-02-19T22:30:00Z"), 3);
        assertThat(answer.countsAsFiledOn()).isEqualTo(LocalDate.of(2026, 2, 20));
        // 06:00 Moscow on Friday is before the day's end, so it is Friday's filing
        assertThat(dueDates.forFiling(moscow("2026-02-20T06:00"), 3).countsAsFiledOn())
                .isEqualTo(LocalDate.of(2026, 2, 20));
    }

    @Test
    void aShortenedPreHolidayDayEndsAnHourEarlier() {
        assertThat(CALENDAR.isShortened(LocalDate.of(2026, 4, 30))).isTrue();
        DueDate inHours = dueDates.forFiling(moscow("2026-04-30T16:59"), 3);
        assertThat(inHours.countsAsFiledOn()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(inHours.dueDate()).isEqualTo(LocalDate.of(2026, 5, 6));
        DueDate afterHours = dueDates.forFiling(moscow("2026-04-30T17:00"), 3);
        assertThat(afterHours.countsAsFiledOn()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(afterHours.dueDate()).isEqualTo(LocalDate.of(2026, 5, 7));
        // an ordinary day still runs to 18:00
        assertThat(dueDates.forFiling(moscow("2026-04-29T17:30"), 3).countsAsFiledOn())
                .isEqualTo(LocalDate.of(2026, 4, 29));
    }

    @Test
    void theEndOfTheWorkingDayIsConfigurable() {
        DueDates early = new DueDates(CALENDAR, LocalTime.of(17, 0));
        assertThat(early.forFiling(moscow("2026-02-19T17:30"), 3).countsAsFiledOn())
                .isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(early.forFiling(moscow("2026-04-30T16:30"), 3).countsAsFiledOn())
                .isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void aShortenedDayIsAWorkingDayOfTheCount() {
        // 30 April 2026 (shortened) is the first of the three days
        assertThat(dueDates.forFilingDay(LocalDate.of(2026, 4, 28), 3).dueDate())
                .isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void intoTheUnconfirmedYearIsProvisional() {
        // 31 December 2026 (from 4 January) and the holidays of January 2027; 2027's decree is not confirmed
        DueDate newYear = dueDates.forFilingDay(LocalDate.of(2026, 12, 28), 3);
        assertThat(newYear.dueDate()).isEqualTo(LocalDate.of(2027, 1, 11));
        assertThat(newYear.provisional()).isTrue();
        // 2027 by the Labour Code: 1 May (Saturday) moves the day off to Monday 3 May
        DueDate may = dueDates.forFilingDay(LocalDate.of(2027, 4, 29), 3);
        assertThat(may.dueDate()).isEqualTo(LocalDate.of(2027, 5, 5));
        assertThat(may.provisional()).isTrue();
    }

    @Test
    void pastTheKnownYearsOnlyWeekendsAndStatutoryHolidaysCount() {
        assertThat(CALENDAR.knownUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        // 12 June 2030 is a Wednesday
        DueDate june = dueDates.forFilingDay(LocalDate.of(2030, 6, 10), 3);
        assertThat(june.dueDate()).isEqualTo(LocalDate.of(2030, 6, 14));
        assertThat(june.provisional()).isTrue();
        // 9 May 2032 is a Sunday: the day off moves to Monday 10 May
        assertThat(dueDates.forFilingDay(LocalDate.of(2032, 5, 7), 1).dueDate()).isEqualTo(LocalDate.of(2032, 5, 11));
    }

    @Test
    void aLongerPeriodCrossesSeveralHolidays() {
        // 20 working days from 20 April 2026: 1 May, 11 May off
        assertThat(dueDates.forFilingDay(LocalDate.of(2026, 4, 20), 20).dueDate())
                .isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(dueDates.forFilingDay(LocalDate.of(2026, 4, 20), 1).dueDate())
                .isEqualTo(LocalDate.of(2026, 4, 21));
    }

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(DueDates.ZONE).toInstant();
    }
}
