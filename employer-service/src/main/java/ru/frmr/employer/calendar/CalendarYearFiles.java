package ru.frmr.employer.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the year files and refuses any that contradicts itself or the Labour Code, so the service does not start
 * on a calendar that would count deadlines wrongly.
 */
final class CalendarYearFiles {

    static final String LOCATION = "classpath*:calendar/production-calendar-*.json";
    private static final Pattern FILE_NAME = Pattern.compile("production-calendar-(\\d{4})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CalendarYearFiles() {
    }

    static List<CalendarYear> loadAll() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<CalendarYear> years = new ArrayList<>();
            for (Resource resource : resources) {
                Matcher name = FILE_NAME.matcher(Objects.requireNonNull(resource.getFilename()));
                if (!name.matches()) {
                    throw new IllegalStateException("Production calendar file not named production-calendar-"
                            + "<year>.json: " + resource.getFilename());
                }
                try (InputStream in = resource.getInputStream()) {
                    years.add(parse(in, Integer.parseInt(name.group(1)), resource.getFilename()));
                }
            }
            return years;
        } catch (IOException e) {
            throw new IllegalStateException("Production calendar files unreadable", e);
        }
    }

    static CalendarYear parse(InputStream in, int yearOfName, String source) throws IOException {
        return validate(JSON.readValue(in, CalendarYearFile.class), yearOfName, source);
    }

    static CalendarYear validate(CalendarYearFile file, int yearOfName, String source) {
        Check check = new Check(source);
        check.that(file.year() != null && file.year() == yearOfName, "year must be " + yearOfName);
        int year = yearOfName;
        CalendarYearFile.Decree decree = file.decree();
        check.that(decree != null && decree.status() != null, "decree.status is required");
        boolean confirmed = decree != null && decree.status() == CalendarYearFile.DecreeStatus.CONFIRMED;
        if (confirmed) {
            check.that(notBlank(decree.number()) && decree.date() != null && notBlank(decree.title()),
                    "a CONFIRMED decree needs its number, date and title");
            check.that(decree.date() == null || decree.date().getYear() < year,
                    "the decree on transfers in " + year + " is dated before " + year);
        }
        check.that(file.holidays() != null && file.transfers() != null && file.workingWeekends() != null
                && file.shortenedDays() != null, "holidays, transfers, workingWeekends and shortenedDays are required");
        check.done();

        Set<MonthDay> listed = new HashSet<>();
        for (CalendarYearFile.Holiday holiday : file.holidays()) {
            check.that(holiday.date() != null && holiday.date().getYear() == year, "holiday outside " + year);
            if (holiday.date() != null) {
                check.that(listed.add(MonthDay.from(holiday.date())), "holiday listed twice: " + holiday.date());
            }
        }
        check.that(listed.equals(StatutoryHolidays.HOLIDAYS.keySet()),
                "holidays must be exactly those of ТК РФ ст. 112 part 1");

        Set<LocalDate> daysOff = new TreeSet<>();
        Set<LocalDate> weekendsGivenUp = new TreeSet<>();
        Set<LocalDate> workingWeekends = new TreeSet<>(file.workingWeekends());
        check.that(workingWeekends.size() == file.workingWeekends().size(), "a working weekend listed twice");
        for (CalendarYearFile.Transfer transfer : file.transfers()) {
            LocalDate from = transfer.from();
            LocalDate to = transfer.to();
            check.that(from != null && to != null && transfer.basis() != null, "a transfer needs from, to and basis");
            if (from == null || to == null) {
                continue;
            }
            check.that(from.getYear() == year && to.getYear() == year, "transfer outside " + year + ": " + from);
            check.that(StatutoryHolidays.isWeekend(from), "a transfer moves a Saturday's or Sunday's rest: " + from);
            check.that(!StatutoryHolidays.isWeekend(to) && !StatutoryHolidays.isHoliday(to),
                    "a transfer's day off is an ordinary weekday: " + to);
            check.that(daysOff.add(to), "two transfers to " + to);
            check.that(weekendsGivenUp.add(from), "two transfers from " + from);
            check.that(StatutoryHolidays.isHoliday(from) || workingWeekends.contains(from),
                    "a transfer from an ordinary weekend day makes it a working day, list it in workingWeekends: "
                            + from);
            check.that(confirmed || transfer.basis() == CalendarYearFile.Basis.LABOUR_CODE,
                    "without a confirmed decree only ТК РФ ст. 112 part 2 moves days off: " + from);
        }
        for (LocalDate weekend : workingWeekends) {
            check.that(weekend.getYear() == year && StatutoryHolidays.isWeekend(weekend)
                            && !StatutoryHolidays.isHoliday(weekend) && weekendsGivenUp.contains(weekend),
                    "a working weekend is a non-holiday Saturday or Sunday whose rest a transfer moved: " + weekend);
        }
        for (Map.Entry<LocalDate, LocalDate> automatic : StatutoryHolidays.automaticTransfers(year).entrySet()) {
            check.that(weekendsGivenUp.contains(automatic.getKey()),
                    "ТК РФ ст. 112 part 2 moves the rest of " + automatic.getKey() + " to a working day; no transfer"
                            + " from it");
        }
        check.done();

        Set<LocalDate> shortened = new TreeSet<>(file.shortenedDays());
        check.that(shortened.size() == file.shortenedDays().size(), "a shortened day listed twice");
        CalendarYear calendarYear = new CalendarYear(year, confirmed, daysOff, workingWeekends, shortened);
        for (LocalDate day : shortened) {
            check.that(day.getYear() == year && calendarYear.isWorkingDay(day),
                    "a shortened day must be a working day: " + day);
        }
        if (file.expectedWorkingDays() != null) {
            check.that(calendarYear.workingDays() == file.expectedWorkingDays(), "the file's days give "
                    + calendarYear.workingDays() + " working days, not " + file.expectedWorkingDays());
        }
        check.done();
        return calendarYear;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Collects every contradiction of a file, so one start names them all. */
    private static final class Check {

        private final String source;
        private final List<String> problems = new ArrayList<>();

        Check(String source) {
            this.source = source;
        }

        void that(boolean holds, String problem) {
            if (!holds) {
                problems.add(problem);
            }
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Production calendar " + source + " contradicts itself: "
                        + problems.stream().collect(Collectors.joining("; ")));
            }
        }
    }
}
