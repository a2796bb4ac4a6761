package ru.frmr.registry.command;

import static ru.frmr.registry.command.BusinessRuleMatchers.namingField;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.CorrectEmploymentCommand;
import ru.frmr.registry.api.EmploymentContractKind;
import ru.frmr.registry.api.EmploymentCorrectedEvent;
import ru.frmr.registry.api.EmploymentEndedEvent;
import ru.frmr.registry.api.EmploymentRecordedEvent;
import ru.frmr.registry.api.EmploymentTerms;
import ru.frmr.registry.api.EndEmploymentCommand;
import ru.frmr.registry.api.RecordEmploymentCommand;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.EmploymentDictionaries;
import ru.frmr.registry.reference.ReferenceDictionaries;

/** Employment records the employers report: recorded, corrected and ended, each exactly once. */
class MedicalWorkerEmploymentTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000001";
    private static final String EMPLOYMENT = "emp-1";
    private static final String HR = "employer:org-5";
    /** 10:00 in Moscow on 25 November 2026. */
    private static final Instant REPORTED = Instant.parse("2026-11-25T07:00:00Z");
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final EmploymentTerms TERMS = new EmploymentTerms("org-5", "ГБУЗ ГКБ № 1", "1027700132195", "77",
            "Терапевтическое отделение", "THERAPIST", new BigDecimal("1.00"), EmploymentContractKind.MAIN, START);

    private FixtureConfiguration<MedicalWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalWorker.class);
        fixture.registerInjectableResource(new ReferenceDictionaries());
        fixture.registerInjectableResource(new EmploymentDictionaries());
    }

    private static WorkerRegisteredEvent registered() {
        return new WorkerRegisteredEvent(ID, "Иванова", "Мария", "Петровна", LocalDate.of(1985, 4, 12), null, null,
                new SealedPersonalData("11223344595", null, null, "m@example.ru", null));
    }

    private static EmploymentRecordedEvent recorded() {
        return new EmploymentRecordedEvent(ID, EMPLOYMENT, 1, TERMS, HR, REPORTED, 2);
    }

    private static RecordEmploymentCommand record(EmploymentTerms terms) {
        return new RecordEmploymentCommand(ID, EMPLOYMENT, 1, terms, HR, REPORTED);
    }

    private static EmploymentTerms transferred() {
        return new EmploymentTerms("org-5", "ГБУЗ ГКБ № 1", "1027700132195", "77", "Кардиологическое отделение",
                "CARDIOLOGIST", new BigDecimal("0.75"), EmploymentContractKind.MAIN, START);
    }

    // --- recording ---

    @Test
    void recordsAnEmploymentWithTheNextProfileVersion() {
        fixture.given(registered())
                .when(record(TERMS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded());
    }

    @Test
    void theRateIsKeptInOneSpellingAndABlankDepartmentAsAbsent() {
        EmploymentTerms sent = new EmploymentTerms("org-5", "ГБУЗ ГКБ № 1", "1027700132195", "77", "  ", "THERAPIST",
                new BigDecimal("0.5"), EmploymentContractKind.EXTERNAL_PART_TIME, START);
        EmploymentTerms kept = new EmploymentTerms("org-5", "ГБУЗ ГКБ № 1", "1027700132195", "77", null, "THERAPIST",
                new BigDecimal("0.50"), EmploymentContractKind.EXTERNAL_PART_TIME, START);
        fixture.given(registered())
                .when(record(sent))
                .expectEvents(new EmploymentRecordedEvent(ID, EMPLOYMENT, 1, kept, HR, REPORTED, 2));
    }

    @Test
    void theProfileVersionFollowsEarlierChanges() {
        fixture.given(registered(), new ContactsUpdatedEvent(ID, "new@example.ru", null, 2))
                .when(record(TERMS))
                .expectEvents(new EmploymentRecordedEvent(ID, EMPLOYMENT, 1, TERMS, HR, REPORTED, 3));
    }

    @Test
    void theSameReportDeliveredAgainChangesNothing() {
        EmploymentTerms sameInOtherSpelling = new EmploymentTerms("org-5", "ГБУЗ ГКБ № 1", "1027700132195", "77",
                "Терапевтическое отделение", "THERAPIST", BigDecimal.ONE, EmploymentContractKind.MAIN, START);
        fixture.given(registered(), recorded())
                .when(record(sameInOtherSpelling))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOlderReportAfterACorrectionChangesNothing() {
        fixture.given(registered(), recorded(),
                        new EmploymentCorrectedEvent(ID, EMPLOYMENT, 2, transferred(), HR, REPORTED, 3))
                .when(record(TERMS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameVersionWithOtherContentIsRefused() {
        fixture.given(registered(), recorded())
                .when(record(transferred()))
                .expectException(namingField("version"))
                .expectNoEvents();
    }

    @Test
    void recordingAKnownEmploymentAtALaterVersionIsRefused() {
        fixture.given(registered(), recorded())
                .when(new RecordEmploymentCommand(ID, EMPLOYMENT, 2, transferred(), HR, REPORTED))
                .expectException(namingField("employmentId"))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidTerms() {
        return Stream.of(
                invalid("positionCode", t -> with(t, "positionCode", "ASTRONAUT")),
                invalid("positionCode", t -> with(t, "positionCode", null)),
                invalid("organization.regionCode", t -> with(t, "regionCode", "00")),
                invalid("organization.ogrn", t -> with(t, "ogrn", "1027700132194")),
                invalid("organization.ogrn", t -> with(t, "ogrn", "10277001321")),
                invalid("organization.id", t -> with(t, "organizationId", "org.5")),
                invalid("organization.name", t -> with(t, "organizationName", " ")),
                invalid("organization.name", t -> with(t, "organizationName", "<script>alert(1)</script>")),
                invalid("department", t -> with(t, "department", "д".repeat(301))),
                invalid("rate", t -> with(t, "rate", new BigDecimal("0.3"))),
                invalid("rate", t -> with(t, "rate", new BigDecimal("1.75"))),
                invalid("rate", t -> with(t, "rate", BigDecimal.ZERO)),
                invalid("rate", t -> with(t, "rate", new BigDecimal("0.255"))),
                invalid("rate", t -> with(t, "rate", null)),
                invalid("contractKind", t -> with(t, "contractKind", null)),
                invalid("startDate", t -> with(t, "startDate", null)),
                // 26 November starts after the report of 25 November, Moscow time.
                invalid("startDate", t -> with(t, "startDate", LocalDate.of(2026, 11, 26))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidTerms")
    void invalidTermsAreRefusedNamingTheField(String field, EmploymentTerms terms) {
        fixture.given(registered())
                .when(record(terms))
                .expectException(namingField(field))
                .expectNoEvents();
    }

    @Test
    void invalidReportsAreRefusedNamingTheField() {
        fixture.given(registered())
                .when(new RecordEmploymentCommand(ID, "emp$1", 1, TERMS, HR, REPORTED))
                .expectException(namingField("employmentId"));
        fixture.given(registered())
                .when(new RecordEmploymentCommand(ID, EMPLOYMENT, 0, TERMS, HR, REPORTED))
                .expectException(namingField("version"));
        fixture.given(registered())
                .when(new RecordEmploymentCommand(ID, EMPLOYMENT, 1, null, HR, REPORTED))
                .expectException(namingField("organization"));
        fixture.given(registered())
                .when(new RecordEmploymentCommand(ID, EMPLOYMENT, 1, TERMS, HR, null))
                .expectException(namingField("recordedAt"));
        fixture.given(registered())
                .when(new RecordEmploymentCommand(ID, EMPLOYMENT, 1, TERMS, "<b>hr</b>", REPORTED))
                .expectException(namingField("actor"))
                .expectNoEvents();
    }

    @Test
    void theStartDayIsMoscowsDay() {
        // 21:30 UTC on 24 November is already 25 November in Moscow.
        Instant lateEvening = Instant.parse("2026-11-24T21:30:00Z");
        EmploymentTerms startsOn25th = with(TERMS, "startDate", LocalDate.of(2026, 11, 25));
        fixture.given(registered())
                .when(new RecordEmploymentCommand(ID, EMPLOYMENT, 1, startsOn25th, HR, lateEvening))
                .expectEvents(new EmploymentRecordedEvent(ID, EMPLOYMENT, 1, startsOn25th, HR, lateEvening, 2));
    }

    // --- correcting ---

    @Test
    void aLaterVersionCorrectsTheTerms() {
        fixture.given(registered(), recorded())
                .when(new CorrectEmploymentCommand(ID, EMPLOYMENT, 2, transferred(), HR, REPORTED))
                .expectEvents(new EmploymentCorrectedEvent(ID, EMPLOYMENT, 2, transferred(), HR, REPORTED, 3));
    }

    @Test
    void aCorrectionDeliveredAgainOrOutdatedChangesNothing() {
        fixture.given(registered(), recorded(),
                        new EmploymentCorrectedEvent(ID, EMPLOYMENT, 2, transferred(), HR, REPORTED, 3))
                .when(new CorrectEmploymentCommand(ID, EMPLOYMENT, 2, transferred(), HR, REPORTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered(), recorded(),
                        new EmploymentCorrectedEvent(ID, EMPLOYMENT, 3, transferred(), HR, REPORTED, 3))
                .when(new CorrectEmploymentCommand(ID, EMPLOYMENT, 2, TERMS, HR, REPORTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCorrectionOfAnUnknownEmploymentIsRefused() {
        fixture.given(registered())
                .when(new CorrectEmploymentCommand(ID, EMPLOYMENT, 2, transferred(), HR, REPORTED))
                .expectException(namingField("employmentId"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionCannotMoveTheEmploymentToAnotherOrganisation() {
        fixture.given(registered(), recorded())
                .when(new CorrectEmploymentCommand(ID, EMPLOYMENT, 2, with(TERMS, "organizationId", "org-6"), HR,
                        REPORTED))
                .expectException(namingField("organization.id"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsValidatedAsARecordIs() {
        fixture.given(registered(), recorded())
                .when(new CorrectEmploymentCommand(ID, EMPLOYMENT, 2, with(TERMS, "rate", new BigDecimal("2")), HR,
                        REPORTED))
                .expectException(namingField("rate"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionCannotStartAnEndedEmploymentAfterItsEnd() {
        fixture.given(registered(), recorded(), ended(2, LocalDate.of(2026, 6, 30), 3))
                .when(new CorrectEmploymentCommand(ID, EMPLOYMENT, 3, with(TERMS, "startDate", LocalDate.of(2026, 7, 1)),
                        HR, REPORTED))
                .expectException(namingField("startDate"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionOfAnEndedEmploymentKeepsItEnded() {
        fixture.given(registered(), recorded(), ended(2, LocalDate.of(2026, 6, 30), 3),
                        new EmploymentCorrectedEvent(ID, EMPLOYMENT, 3, transferred(), HR, REPORTED, 4))
                // The end of version 2 is still there: the same end again at version 2 is a duplicate.
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", LocalDate.of(2026, 6, 30), HR, REPORTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- ending ---

    @Test
    void endsAnEmployment() {
        fixture.given(registered(), recorded())
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", LocalDate.of(2026, 11, 24), HR, REPORTED))
                .expectEvents(ended(2, LocalDate.of(2026, 11, 24), 3));
    }

    @Test
    void anEndDeliveredAgainChangesNothingAndALaterVersionCorrectsTheDay() {
        fixture.given(registered(), recorded(), ended(2, LocalDate.of(2026, 11, 24), 3))
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", LocalDate.of(2026, 11, 24), HR, REPORTED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered(), recorded(), ended(2, LocalDate.of(2026, 11, 24), 3))
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 3, "org-5", LocalDate.of(2026, 11, 20), HR, REPORTED))
                .expectEvents(ended(3, LocalDate.of(2026, 11, 20), 4));
    }

    @Test
    void anotherEndDayAtTheSameVersionIsRefused() {
        fixture.given(registered(), recorded(), ended(2, LocalDate.of(2026, 11, 24), 3))
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", LocalDate.of(2026, 11, 20), HR, REPORTED))
                .expectException(namingField("version"))
                .expectNoEvents();
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        fixture.given(registered(), recorded())
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", START.minusDays(1), HR, REPORTED))
                .expectException(namingField("endDate"))
                .expectNoEvents();
    }

    @Test
    void anEndAfterTheDayItWasReportedIsRefused() {
        fixture.given(registered(), recorded())
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", LocalDate.of(2026, 11, 26), HR, REPORTED))
                .expectException(namingField("endDate"))
                .expectNoEvents();
    }

    @Test
    void anEndNamingAnotherOrganisationOrAnUnknownEmploymentIsRefused() {
        fixture.given(registered(), recorded())
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-6", LocalDate.of(2026, 11, 24), HR, REPORTED))
                .expectException(namingField("organizationId"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", LocalDate.of(2026, 11, 24), HR, REPORTED))
                .expectException(namingField("employmentId"))
                .expectNoEvents();
        fixture.given(registered(), recorded())
                .when(new EndEmploymentCommand(ID, EMPLOYMENT, 2, "org-5", null, HR, REPORTED))
                .expectException(namingField("endDate"))
                .expectNoEvents();
    }

    @Test
    void employmentsAreIndependentOfEachOther() {
        fixture.given(registered(), recorded())
                .when(new RecordEmploymentCommand(ID, "emp-2", 1, transferred(), HR, REPORTED))
                .expectEvents(new EmploymentRecordedEvent(ID, "emp-2", 1, transferred(), HR, REPORTED, 3));
    }

    private static EmploymentEndedEvent ended(long version, LocalDate endDate, long profileVersion) {
        return new EmploymentEndedEvent(ID, EMPLOYMENT, version, endDate, HR, REPORTED, profileVersion);
    }

    private static Arguments invalid(String field, UnaryOperator<EmploymentTerms> change) {
        return Arguments.of(field, change.apply(TERMS));
    }

    /** {@code terms} with one component replaced. */
    private static EmploymentTerms with(EmploymentTerms t, String component, Object value) {
        return new EmploymentTerms(
                pick(component, "organizationId", value, t.organizationId()),
                pick(component, "organizationName", value, t.organizationName()),
                pick(component, "ogrn", value, t.ogrn()),
                pick(component, "regionCode", value, t.regionCode()),
                pick(component, "department", value, t.department()),
                pick(component, "positionCode", value, t.positionCode()),
                pick(component, "rate", value, t.rate()),
                pick(component, "contractKind", value, t.contractKind()),
                pick(component, "startDate", value, t.startDate()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(String component, String name, Object value, T current) {
        return component.equals(name) ? (T) value : current;
    }
}
