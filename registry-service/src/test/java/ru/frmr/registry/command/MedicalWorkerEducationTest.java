package ru.frmr.registry.command;

import static org.junit.jupiter.api.Named.named;
import static ru.frmr.registry.command.BusinessRuleMatchers.namingField;
import static ru.frmr.registry.command.EducationEntryMother.qualificationUpgrade;
import static ru.frmr.registry.command.EducationEntryMother.residency;
import static ru.frmr.registry.command.EducationEntryMother.retraining;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ru.frmr.registry.api.ApproveProfileChangeCommand;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.SubmitProfileChangeCommand;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.ReferenceDictionaries;

/** The postgraduate and additional education sections of the record: each rule and each rejection. */
class MedicalWorkerEducationTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000002";
    /** 12:00 in Moscow: "today" for the date rules is 2026-03-10. */
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String WORKER = "account:worker-2";
    private static final String ADMIN = "account:admin-2";

    private FixtureConfiguration<MedicalWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalWorker.class);
        fixture.registerInjectableResource(new ReferenceDictionaries());
    }

    private static WorkerRegisteredEvent registered() {
        return new WorkerRegisteredEvent(ID, "Петров", "Пётр", "Сергеевич", LocalDate.of(1979, 2, 3), null, null,
                new SealedPersonalData("12345678964", null, null, null, null));
    }

    private static SubmitProfileChangeCommand add(RecordEntry entry) {
        return new SubmitProfileChangeCommand(ID, "c-1", ChangeKind.ADD, "e-1", entry, WORKER, NOW);
    }

    private static ProfileChangeSubmittedEvent submitted(ChangeKind kind, String changeId, RecordEntry entry) {
        return new ProfileChangeSubmittedEvent(ID, changeId, kind, entry.section(), "e-1", entry, WORKER, NOW);
    }

    static Stream<Arguments> validEntries() {
        return Stream.of(
                named("ординатура", residency().build()),
                named("интернатура of an older diploma", residency().programKind("INTERNSHIP")
                        .specialtyCode("31.08.49").startDate(LocalDate.of(1996, 9, 1))
                        .endDate(LocalDate.of(1997, 7, 31)).documentSeries(null).documentDate(LocalDate.of(1997, 8, 1))
                        .qualification("Врач-терапевт").build()),
                named("аспирантура without a specialty of the dictionary", residency().programKind("POSTGRADUATE")
                        .specialtyCode(null).startDate(LocalDate.of(2010, 10, 1)).endDate(LocalDate.of(2013, 9, 30))
                        .documentDate(LocalDate.of(2013, 10, 15)).qualification(null).build()),
                named("аспирантура in a specialty of the dictionary", residency().programKind("POSTGRADUATE").build()),
                named("ординатура ending and certified today", residency().endDate(TODAY).documentDate(TODAY).build()),
                named("повышение квалификации", qualificationUpgrade().build()),
                named("повышение квалификации of the shortest lawful length, one day, no specialty",
                        qualificationUpgrade().hours(16).specialtyCode(null).startDate(LocalDate.of(2025, 2, 8))
                                .documentSeries(null).build()),
                named("свидетельство о повышении квалификации of before 2013", qualificationUpgrade().hours(144)
                        .startDate(LocalDate.of(2012, 3, 1)).endDate(LocalDate.of(2012, 3, 28))
                        .documentKind("QUALIFICATION_UPGRADE_TESTIMONIAL").documentDate(LocalDate.of(2012, 3, 28))
                        .build()),
                named("профессиональная переподготовка", retraining().build()),
                named("профессиональная переподготовка of the shortest lawful length", retraining().hours(250).build()),
                named("the longest programme accepted", retraining().hours(3000).build()))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("validEntries")
    void aValidEntryAwaitsModerationInItsSection(RecordEntry entry) {
        fixture.given(registered())
                .when(add(entry))
                .expectEvents(submitted(ChangeKind.ADD, "c-1", entry));
    }

    static Stream<Arguments> invalidEntries() {
        String longName = "я".repeat(301);
        return Stream.of(
                invalid("unknown programme", residency().programKind("DOCTORATE").build(), "entry.programKind"),
                invalid("no programme", residency().programKind(null).build(), "entry.programKind"),
                invalid("no institution", residency().institution(" ").build(), "entry.institution"),
                invalid("markup in the institution", residency().institution("<script>alert(1)</script>").build(),
                        "entry.institution"),
                invalid("oversized institution", residency().institution(longName).build(), "entry.institution"),
                invalid("ординатура without a specialty", residency().specialtyCode(null).build(),
                        "entry.specialtyCode"),
                invalid("ординатура in an unknown specialty", residency().specialtyCode("99.99.99").build(),
                        "entry.specialtyCode"),
                invalid("ординатура in a специалитет specialty", residency().specialtyCode("31.05.01").build(),
                        "entry.specialtyCode"),
                invalid("интернатура without a specialty", residency().programKind("INTERNSHIP").specialtyCode(null)
                        .build(), "entry.specialtyCode"),
                invalid("аспирантура in an unknown specialty", residency().programKind("POSTGRADUATE")
                        .specialtyCode("31.06.01").build(), "entry.specialtyCode"),
                invalid("no start", residency().startDate(null).build(), "entry.startDate"),
                invalid("no end", residency().endDate(null).build(), "entry.endDate"),
                invalid("a programme not yet completed", residency().endDate(TODAY.plusDays(1))
                        .documentDate(TODAY.plusDays(1)).build(), "entry.endDate"),
                invalid("ending the day it starts", residency().endDate(LocalDate.of(2008, 9, 1)).build(),
                        "entry.endDate"),
                invalid("ending before it starts", residency().endDate(LocalDate.of(2007, 8, 31)).build(),
                        "entry.endDate"),
                invalid("no document number", residency().documentNumber(null).build(), "entry.documentNumber"),
                invalid("oversized document number", residency().documentNumber("1".repeat(31)).build(),
                        "entry.documentNumber"),
                invalid("markup in the document series", residency().documentSeries("<b>").build(),
                        "entry.documentSeries"),
                invalid("no document date", residency().documentDate(null).build(), "entry.documentDate"),
                invalid("document before the end", residency().documentDate(LocalDate.of(2010, 8, 30)).build(),
                        "entry.documentDate"),
                invalid("document dated in the future", residency().documentDate(TODAY.plusDays(1)).build(),
                        "entry.documentDate"),
                invalid("oversized qualification", residency().qualification(longName).build(),
                        "entry.qualification"),
                invalid("control characters in the qualification", residency().qualification("врач\u0000").build(),
                        "entry.qualification"),

                invalid("no kind of course", qualificationUpgrade().kind(null).build(), "entry.kind"),
                invalid("no course name", qualificationUpgrade().courseName("").build(), "entry.courseName"),
                invalid("markup in the course name", qualificationUpgrade().courseName("<i>курс</i>").build(),
                        "entry.courseName"),
                invalid("oversized course name", qualificationUpgrade().courseName(longName).build(),
                        "entry.courseName"),
                invalid("no hours", qualificationUpgrade().hours(null).build(), "entry.hours"),
                invalid("negative hours", qualificationUpgrade().hours(-36).build(), "entry.hours"),
                invalid("повышение квалификации shorter than 16 hours", qualificationUpgrade().hours(15).build(),
                        "entry.hours"),
                invalid("переподготовка shorter than 250 hours", retraining().hours(249).build(), "entry.hours"),
                invalid("more hours than any programme", retraining().hours(3001).build(), "entry.hours"),
                invalid("no institution of the course", qualificationUpgrade().institution(null).build(),
                        "entry.institution"),
                invalid("переподготовка without a specialty", retraining().specialtyCode(null).build(),
                        "entry.specialtyCode"),
                invalid("course in an unknown specialty", qualificationUpgrade().specialtyCode("99.99.99").build(),
                        "entry.specialtyCode"),
                invalid("course without a start", qualificationUpgrade().startDate(null).build(), "entry.startDate"),
                invalid("course not yet ended", qualificationUpgrade().endDate(TODAY.plusDays(1))
                        .documentDate(TODAY.plusDays(1)).build(), "entry.endDate"),
                invalid("course ending before it starts", qualificationUpgrade().endDate(LocalDate.of(2025, 2, 2))
                        .build(), "entry.endDate"),
                invalid("unknown document kind", qualificationUpgrade().documentKind("DIPLOMA").build(),
                        "entry.documentKind"),
                invalid("no document kind", qualificationUpgrade().documentKind(null).build(), "entry.documentKind"),
                invalid("переподготовка with a повышение квалификации document", retraining()
                        .documentKind("QUALIFICATION_UPGRADE_CERTIFICATE").build(), "entry.documentKind"),
                invalid("повышение квалификации with a переподготовка diploma", qualificationUpgrade()
                        .documentKind("RETRAINING_DIPLOMA").build(), "entry.documentKind"),
                invalid("course without a document number", qualificationUpgrade().documentNumber(" ").build(),
                        "entry.documentNumber"),
                invalid("course document before the course ended", qualificationUpgrade()
                        .documentDate(LocalDate.of(2025, 2, 7)).build(), "entry.documentDate"),
                invalid("свидетельство issued after it was abolished", qualificationUpgrade()
                        .documentKind("QUALIFICATION_UPGRADE_TESTIMONIAL").build(), "entry.documentDate"));
    }

    private static Arguments invalid(String why, RecordEntry entry, String field) {
        return Arguments.of(named(why, entry), field);
    }

    @ParameterizedTest
    @MethodSource("invalidEntries")
    void anEntryBreakingARuleIsRejectedNamingTheField(RecordEntry entry, String field) {
        fixture.given(registered())
                .when(add(entry))
                .expectException(namingField(field))
                .expectNoEvents();
    }

    @Test
    void anApprovedEntryJoinsTheRecordInItsSection() {
        RecordEntry entry = retraining().build();
        fixture.given(registered(), submitted(ChangeKind.ADD, "c-1", entry))
                .when(new ApproveProfileChangeCommand(ID, "c-1", ADMIN, NOW))
                .expectEvents(new ProfileChangeApprovedEvent(ID, "c-1", ChangeKind.ADD,
                        RecordSection.ADDITIONAL_EDUCATION, "e-1", entry, ADMIN, NOW, 2));
    }

    @Test
    void anApprovedEntryCanBeCorrectedWithinItsSection() {
        RecordEntry approved = residency().build();
        RecordEntry corrected = residency().documentNumber("0001235").build();
        fixture.given(registered(), submitted(ChangeKind.ADD, "c-1", approved),
                        new ProfileChangeApprovedEvent(ID, "c-1", ChangeKind.ADD, RecordSection.POSTGRADUATE_EDUCATION,
                                "e-1", approved, ADMIN, NOW, 2))
                .when(new SubmitProfileChangeCommand(ID, "c-2", ChangeKind.CORRECT, "e-1", corrected, WORKER, NOW))
                .expectEvents(submitted(ChangeKind.CORRECT, "c-2", corrected));
    }

    @Test
    void aCorrectionCannotTurnPostgraduateIntoAdditionalEducation() {
        RecordEntry approved = residency().build();
        fixture.given(registered(), submitted(ChangeKind.ADD, "c-1", approved),
                        new ProfileChangeApprovedEvent(ID, "c-1", ChangeKind.ADD, RecordSection.POSTGRADUATE_EDUCATION,
                                "e-1", approved, ADMIN, NOW, 2))
                .when(new SubmitProfileChangeCommand(ID, "c-2", ChangeKind.CORRECT, "e-1", retraining().build(),
                        WORKER, NOW))
                .expectException(namingField("entry.section"))
                .expectNoEvents();
    }
}
