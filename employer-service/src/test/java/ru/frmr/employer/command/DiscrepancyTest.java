package ru.frmr.employer.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.Duration;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.employer.api.AnswerDiscrepancyCommand;
import ru.frmr.employer.api.AnswerOutcome;
import ru.frmr.employer.api.DiscrepancyAnsweredEvent;
import ru.frmr.employer.api.DiscrepancyField;
import ru.frmr.employer.api.DiscrepancyRaisedEvent;
import ru.frmr.employer.api.EmployerResponseOverdueEvent;
import ru.frmr.employer.api.MarkDiscrepancyOverdueCommand;
import ru.frmr.employer.api.OverdueOutcome;
import ru.frmr.employer.api.RaiseDiscrepancyCommand;
import ru.frmr.employer.calendar.DueDates;
import ru.frmr.employer.calendar.ProductionCalendar;
import ru.frmr.employer.saga.DiscrepancyProperties;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.NotFoundException;

/** Every command and rule of the {@link Discrepancy} aggregate. */
class DiscrepancyTest {

    private static final String ID = "d-1";
    private static final String ORG = "org-5";
    private static final String WORKER = "w-1";
    private static final String EMPLOYMENT = "emp-1";
    /** Thursday 19 February 2026, 11:00 Moscow: due Wednesday 25 February (23 February is a holiday). */
    private static final Instant FILED = moscow(LocalDate.of(2026, 2, 19), LocalTime.of(11, 0));
    private static final LocalDate DUE = LocalDate.of(2026, 2, 25);
    private static final Instant OVERDUE_AT = moscow(LocalDate.of(2026, 2, 26), LocalTime.MIDNIGHT);

    private FixtureConfiguration<Discrepancy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Discrepancy.class);
        fixture.registerInjectableResource(new AnswerPeriod(
                new DueDates(ProductionCalendar.fromYearFiles(), LocalTime.of(18, 0)),
                new DiscrepancyProperties(3, false, Duration.ofMinutes(1), Duration.ofMinutes(10))));
    }

    private static Instant moscow(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, DueDates.ZONE).toInstant();
    }

    private static RaiseDiscrepancyCommand raise(String recorded, String correct, String comment, Instant filedAt) {
        return new RaiseDiscrepancyCommand(ID, ORG, WORKER, EMPLOYMENT, DiscrepancyField.POSITION, recorded, correct,
                comment, filedAt);
    }

    private static DiscrepancyRaisedEvent raised() {
        return new DiscrepancyRaisedEvent(ID, ORG, WORKER, EMPLOYMENT, DiscrepancyField.POSITION, "Терапевт",
                "Кардиолог", null, FILED, LocalDate.of(2026, 2, 19), DUE, false, OVERDUE_AT);
    }

    private static EmployerResponseOverdueEvent overdue(Instant recordedAt) {
        return new EmployerResponseOverdueEvent(ID, ORG, WORKER, EMPLOYMENT, DUE, OVERDUE_AT, recordedAt);
    }

    @Test
    void raisingRecordsTheDueDateByTheProductionCalendar() {
        fixture.givenNoPriorActivity()
                .when(raise("  Терапевт ", "Кардиолог", "  ", FILED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(raised());
    }

    @Test
    void aFilingAfterHoursCountsFromTheNextWorkingDay() {
        Instant evening = moscow(LocalDate.of(2026, 2, 19), LocalTime.of(18, 30));
        fixture.givenNoPriorActivity()
                .when(raise("Терапевт", "Кардиолог", "Приказ № 12", evening))
                .expectEvents(new DiscrepancyRaisedEvent(ID, ORG, WORKER, EMPLOYMENT, DiscrepancyField.POSITION,
                        "Терапевт", "Кардиолог", "Приказ № 12", evening, LocalDate.of(2026, 2, 20),
                        LocalDate.of(2026, 2, 26), false, moscow(LocalDate.of(2026, 2, 27), LocalTime.MIDNIGHT)));
    }

    @Test
    void aDueDateIntoTheUnconfirmedYearIsProvisional() {
        Instant filed = moscow(LocalDate.of(2026, 12, 28), LocalTime.of(10, 0));
        fixture.givenNoPriorActivity()
                .when(raise("Терапевт", "Кардиолог", null, filed))
                .expectEvents(new DiscrepancyRaisedEvent(ID, ORG, WORKER, EMPLOYMENT, DiscrepancyField.POSITION,
                        "Терапевт", "Кардиолог", null, filed, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 11),
                        true, moscow(LocalDate.of(2027, 1, 12), LocalTime.MIDNIGHT)));
    }

    @Test
    void theRightValueMustDifferFromTheRecordedOne() {
        fixture.givenNoPriorActivity()
                .when(raise("Терапевт", " Терапевт", null, FILED))
                .expectException(BusinessRuleException.class)
                .expectExceptionMessage("must differ from the recorded value")
                .expectNoEvents();
    }

    @Test
    void valuesAreRequiredAndBounded() {
        fixture.givenNoPriorActivity().when(raise(" ", "Кардиолог", null, FILED))
                .expectException(BusinessRuleException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(raise("Терапевт", "К".repeat(501), null, FILED))
                .expectException(BusinessRuleException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(raise("Терапевт", "Кардиолог", "к".repeat(2001), FILED))
                .expectException(BusinessRuleException.class).expectNoEvents();
    }

    @Test
    void hrAnswersInTime() {
        Instant answeredAt = moscow(DUE, LocalTime.of(23, 59));
        fixture.given(raised())
                .when(new AnswerDiscrepancyCommand(ID, ORG, AnswerOutcome.CORRECTED, " Исправлено ", "a-hr",
                        answeredAt))
                .expectResultMessagePayload(false)
                .expectEvents(new DiscrepancyAnsweredEvent(ID, ORG, WORKER, AnswerOutcome.CORRECTED, "Исправлено",
                        "a-hr", answeredAt, false));
    }

    @Test
    void anAnswerAfterTheDueDateIsTakenAndMarkedLate() {
        fixture.given(raised(), overdue(OVERDUE_AT.plusSeconds(60)))
                .when(new AnswerDiscrepancyCommand(ID, ORG, AnswerOutcome.EXPLAINED, "Запись верна", "a-hr",
                        OVERDUE_AT.plusSeconds(3600)))
                .expectResultMessagePayload(true)
                .expectEvents(new DiscrepancyAnsweredEvent(ID, ORG, WORKER, AnswerOutcome.EXPLAINED, "Запись верна",
                        "a-hr", OVERDUE_AT.plusSeconds(3600), true));
    }

    @Test
    void anotherOrganisationsHrDoesNotFindIt() {
        fixture.given(raised())
                .when(new AnswerDiscrepancyCommand(ID, "org-6", AnswerOutcome.CORRECTED, "x", "a-hr", FILED))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void itIsAnsweredOnce() {
        fixture.given(raised(), new DiscrepancyAnsweredEvent(ID, ORG, WORKER, AnswerOutcome.CORRECTED, "Исправлено",
                        "a-hr", FILED, false))
                .when(new AnswerDiscrepancyCommand(ID, ORG, AnswerOutcome.EXPLAINED, "Ещё раз", "a-hr", FILED))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anAnswerNeedsAnOutcomeAndAnExplanation() {
        fixture.given(raised())
                .when(new AnswerDiscrepancyCommand(ID, ORG, null, "x", "a-hr", FILED))
                .expectException(BusinessRuleException.class).expectNoEvents();
        fixture.given(raised())
                .when(new AnswerDiscrepancyCommand(ID, ORG, AnswerOutcome.CORRECTED, " ", "a-hr", FILED))
                .expectException(BusinessRuleException.class).expectNoEvents();
    }

    @Test
    void notOverdueBeforeTheDueDateHasPassed() {
        fixture.given(raised())
                .when(new MarkDiscrepancyOverdueCommand(ID, OVERDUE_AT.minusMillis(1)))
                .expectResultMessagePayload(OverdueOutcome.NOT_DUE)
                .expectNoEvents();
    }

    @Test
    void overdueOnceTheDueDateHasPassed() {
        fixture.given(raised())
                .when(new MarkDiscrepancyOverdueCommand(ID, OVERDUE_AT))
                .expectResultMessagePayload(OverdueOutcome.OVERDUE)
                .expectEvents(overdue(OVERDUE_AT));
    }

    @Test
    void aSecondOverdueIsRefused() {
        fixture.given(raised(), overdue(OVERDUE_AT))
                .when(new MarkDiscrepancyOverdueCommand(ID, OVERDUE_AT.plusSeconds(86_400)))
                .expectResultMessagePayload(OverdueOutcome.ALREADY_OVERDUE)
                .expectNoEvents();
    }

    @Test
    void answeredInTimeNeverBecomesOverdue() {
        fixture.given(raised(), new DiscrepancyAnsweredEvent(ID, ORG, WORKER, AnswerOutcome.CORRECTED, "Исправлено",
                        "a-hr", FILED, false))
                .when(new MarkDiscrepancyOverdueCommand(ID, OVERDUE_AT.plusSeconds(86_400)))
                .expectResultMessagePayload(OverdueOutcome.ANSWERED)
                .expectNoEvents();
    }

    @Test
    void theAnswerPeriodIsConfigurable() {
        AnswerPeriod five = new AnswerPeriod(new DueDates(ProductionCalendar.fromYearFiles(), LocalTime.of(18, 0)),
                new DiscrepancyProperties(5, false, Duration.ofMinutes(1), Duration.ofMinutes(10)));
        assertThat(five.forFiling(FILED).dueDate()).isEqualTo(LocalDate.of(2026, 2, 27));
    }
}
