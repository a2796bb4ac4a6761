package ru.frmr.registry.command;

import static ru.frmr.registry.command.BusinessRuleMatchers.namingField;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.IssueLicenseNoticeCommand;
import ru.frmr.registry.api.LicenseExpiredEvent;
import ru.frmr.registry.api.LicenseExpiringSoonEvent;
import ru.frmr.registry.api.LicenseNoticeOutcome;
import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.ReferenceDictionaries;

/** {@link MedicalWorker}'s licence expiry notices: each is issued once, and only while it still applies. */
class MedicalWorkerLicenseNoticeTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000002";
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final String ADMIN = "account:admin-1";
    private static final String CERT = "cert-1";
    private static final LocalDate END = LocalDate.of(2026, 9, 1);

    private FixtureConfiguration<MedicalWorker> fixture;
    private long version;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalWorker.class);
        fixture.registerInjectableResource(new ReferenceDictionaries());
        version = 1;
    }

    private static WorkerRegisteredEvent registered() {
        return new WorkerRegisteredEvent(ID, "Иванова", "Мария", "Петровна", LocalDate.of(1985, 4, 12), null, null,
                new SealedPersonalData("11223344595", null, null, "m@example.ru", null));
    }

    private static CertificateEntry certificate(LocalDate endDate) {
        return new CertificateEntry("0177", "180012345", LocalDate.of(2021, 5, 20), endDate, "31.08.36");
    }

    /** A change of the record as it is once approved: submitted, then approved with the next version. */
    private Object[] approved(ChangeKind kind, String entryId, RecordEntry entry, RecordSection section) {
        String changeId = "c-" + (version + 1);
        version++;
        return new Object[] {
                new ProfileChangeSubmittedEvent(ID, changeId, kind, section, entryId, entry, "account:w", NOW),
                new ProfileChangeApprovedEvent(ID, changeId, kind, section, entryId, entry, ADMIN, NOW, version)};
    }

    private Object[] withCertificate() {
        Object[] change = approved(ChangeKind.ADD, CERT, certificate(END), RecordSection.CERTIFICATES);
        return new Object[] {registered(), change[0], change[1]};
    }

    private static IssueLicenseNoticeCommand issue(LicenseNoticeThreshold threshold, LocalDate today) {
        return new IssueLicenseNoticeCommand(ID, CERT, threshold, END, today);
    }

    private static LicenseExpiringSoonEvent soon(LicenseNoticeThreshold threshold, int daysLeft) {
        return new LicenseExpiringSoonEvent(ID, CERT, RecordSection.CERTIFICATES, "31.08.36", END, threshold,
                daysLeft);
    }

    @Test
    void issuesEachExpiringSoonNoticeOnItsDay() {
        fixture.given(withCertificate())
                .when(issue(LicenseNoticeThreshold.DAYS_90, END.minusDays(90)))
                .expectEvents(soon(LicenseNoticeThreshold.DAYS_90, 90))
                .expectResultMessagePayload(LicenseNoticeOutcome.ISSUED);
        fixture.given(withCertificate())
                .andGiven(soon(LicenseNoticeThreshold.DAYS_90, 90), soon(LicenseNoticeThreshold.DAYS_30, 30))
                .when(issue(LicenseNoticeThreshold.DAYS_7, END.minusDays(7)))
                .expectEvents(soon(LicenseNoticeThreshold.DAYS_7, 7))
                .expectResultMessagePayload(LicenseNoticeOutcome.ISSUED);
    }

    @Test
    void issuesTheExpiryOnTheEndDateAndLaterIfTheSweepWasLate() {
        fixture.given(withCertificate())
                .when(issue(LicenseNoticeThreshold.END_DATE, END))
                .expectEvents(new LicenseExpiredEvent(ID, CERT, RecordSection.CERTIFICATES, "31.08.36", END))
                .expectResultMessagePayload(LicenseNoticeOutcome.ISSUED);
        fixture.given(withCertificate())
                .when(issue(LicenseNoticeThreshold.END_DATE, END.plusDays(3)))
                .expectEvents(new LicenseExpiredEvent(ID, CERT, RecordSection.CERTIFICATES, "31.08.36", END));
    }

    @Test
    void aLateNoticeSaysHowManyDaysAreReallyLeft() {
        fixture.given(withCertificate())
                .when(issue(LicenseNoticeThreshold.DAYS_30, END.minusDays(20)))
                .expectEvents(soon(LicenseNoticeThreshold.DAYS_30, 20));
    }

    @Test
    void anAccreditationIsALicenceToo() {
        AccreditationEntry accreditation = new AccreditationEntry(AccreditationKind.PERIODIC, "П-1",
                LocalDate.of(2021, 9, 1), "31.08.49", null).withLawfulEndDate();
        Object[] change = approved(ChangeKind.ADD, "acc-1", accreditation, RecordSection.ACCREDITATION);
        fixture.given(registered(), change[0], change[1])
                .when(new IssueLicenseNoticeCommand(ID, "acc-1", LicenseNoticeThreshold.DAYS_7, END, END.minusDays(7)))
                .expectEvents(new LicenseExpiringSoonEvent(ID, "acc-1", RecordSection.ACCREDITATION, "31.08.49", END,
                        LicenseNoticeThreshold.DAYS_7, 7));
    }

    @Test
    void aNoticeIssuedBeforeIsNotIssuedAgain() {
        fixture.given(withCertificate())
                .andGiven(soon(LicenseNoticeThreshold.DAYS_90, 90))
                .when(issue(LicenseNoticeThreshold.DAYS_90, END.minusDays(89)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.ALREADY_ISSUED);
        fixture.given(withCertificate())
                .andGiven(new LicenseExpiredEvent(ID, CERT, RecordSection.CERTIFICATES, "31.08.36", END))
                .when(issue(LicenseNoticeThreshold.END_DATE, END))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.ALREADY_ISSUED);
    }

    @Test
    void anIssuedNoticeStaysIssuedAfterTheEntryIsRemoved() {
        Object[] removal = approved(ChangeKind.REMOVE, CERT, null, RecordSection.CERTIFICATES);
        fixture.given(withCertificate())
                .andGiven(soon(LicenseNoticeThreshold.DAYS_90, 90), removal[0], removal[1])
                .when(issue(LicenseNoticeThreshold.DAYS_90, END.minusDays(90)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.ALREADY_ISSUED);
    }

    @Test
    void aNoticeBeforeItsDayIsNotIssued() {
        fixture.given(withCertificate())
                .when(issue(LicenseNoticeThreshold.DAYS_30, END.minusDays(31)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.NOT_DUE);
    }

    @Test
    void aRemovedEntryGetsNoNotice() {
        Object[] removal = approved(ChangeKind.REMOVE, CERT, null, RecordSection.CERTIFICATES);
        fixture.given(withCertificate())
                .andGiven(removal)
                .when(issue(LicenseNoticeThreshold.DAYS_30, END.minusDays(30)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.NOT_IN_RECORD);
    }

    @Test
    void aCorrectedEndDateVoidsTheOldNoticesAndGetsItsOwn() {
        LocalDate corrected = END.plusMonths(6);
        Object[] correction = approved(ChangeKind.CORRECT, CERT, certificate(corrected), RecordSection.CERTIFICATES);
        fixture.given(withCertificate())
                .andGiven(soon(LicenseNoticeThreshold.DAYS_90, 90), correction[0], correction[1])
                .when(issue(LicenseNoticeThreshold.DAYS_30, END.minusDays(30)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.NOT_IN_RECORD);
        fixture.given(withCertificate())
                .andGiven(soon(LicenseNoticeThreshold.DAYS_90, 90), correction[0], correction[1])
                .when(new IssueLicenseNoticeCommand(ID, CERT, LicenseNoticeThreshold.DAYS_90, corrected,
                        corrected.minusDays(90)))
                .expectEvents(new LicenseExpiringSoonEvent(ID, CERT, RecordSection.CERTIFICATES, "31.08.36",
                        corrected, LicenseNoticeThreshold.DAYS_90, 90));
    }

    @Test
    void anEntryAwaitingModerationIsNoLicenceYet() {
        fixture.given(registered(), new ProfileChangeSubmittedEvent(ID, "c-9", ChangeKind.ADD,
                        RecordSection.CERTIFICATES, CERT, certificate(END), "account:w", NOW))
                .when(issue(LicenseNoticeThreshold.DAYS_90, END.minusDays(90)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.NOT_IN_RECORD);
    }

    @Test
    void anEntryThatIsNoLicenceGetsNoNotice() {
        EducationEntry education = new EducationEntry("Институт", "DIPLOMA", null, "1", LocalDate.of(2008, 6, 30),
                "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST");
        Object[] change = approved(ChangeKind.ADD, CERT, education, RecordSection.EDUCATION);
        fixture.given(registered(), change[0], change[1])
                .when(issue(LicenseNoticeThreshold.DAYS_90, END.minusDays(90)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.NOT_IN_RECORD);
    }

    @Test
    void aRenewedLicenceGetsNoMoreNotices() {
        Object[] renewal = approved(ChangeKind.ADD, "cert-2", certificate(END.plusYears(5)),
                RecordSection.CERTIFICATES);
        fixture.given(withCertificate())
                .andGiven(renewal)
                .when(issue(LicenseNoticeThreshold.DAYS_30, END.minusDays(30)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.RENEWED);
        fixture.given(withCertificate())
                .andGiven(approved(ChangeKind.ADD, "cert-3", certificate(END.plusYears(5)),
                        RecordSection.CERTIFICATES))
                .when(issue(LicenseNoticeThreshold.END_DATE, END))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.RENEWED);
    }

    @Test
    void aLaterLicenceOfAnotherSpecialtyOrKindIsNoRenewal() {
        CertificateEntry otherSpecialty = new CertificateEntry("0177", "2", LocalDate.of(2022, 1, 10),
                END.plusYears(5), "31.08.49");
        AccreditationEntry sameSpecialtyAccreditation = new AccreditationEntry(AccreditationKind.PERIODIC, "П-2",
                LocalDate.of(2024, 1, 10), "31.08.36", null).withLawfulEndDate();
        Object[] first = approved(ChangeKind.ADD, "cert-2", otherSpecialty, RecordSection.CERTIFICATES);
        Object[] second = approved(ChangeKind.ADD, "acc-2", sameSpecialtyAccreditation, RecordSection.ACCREDITATION);
        fixture.given(withCertificate())
                .andGiven(first[0], first[1], second[0], second[1])
                .when(issue(LicenseNoticeThreshold.DAYS_30, END.minusDays(30)))
                .expectEvents(soon(LicenseNoticeThreshold.DAYS_30, 30));
    }

    @Test
    void anOlderNoticeAfterANearerOneIsOldNews() {
        fixture.given(withCertificate())
                .when(issue(LicenseNoticeThreshold.DAYS_90, END.minusDays(20)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.SUPERSEDED);
        fixture.given(withCertificate())
                .andGiven(soon(LicenseNoticeThreshold.DAYS_7, 7))
                .when(issue(LicenseNoticeThreshold.DAYS_30, END.minusDays(25)))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.SUPERSEDED);
        fixture.given(withCertificate())
                .when(issue(LicenseNoticeThreshold.DAYS_7, END))
                .expectNoEvents()
                .expectResultMessagePayload(LicenseNoticeOutcome.SUPERSEDED);
    }

    @Test
    void aNoticeForAnUnknownWorkerIsRejected() {
        fixture.givenNoPriorActivity()
                .when(issue(LicenseNoticeThreshold.DAYS_90, END.minusDays(90)))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aNoticeWithoutItsThresholdOrDayIsRejected() {
        fixture.given(withCertificate())
                .when(new IssueLicenseNoticeCommand(ID, CERT, null, END, END))
                .expectException(namingField("threshold"))
                .expectNoEvents();
        fixture.given(withCertificate())
                .when(new IssueLicenseNoticeCommand(ID, CERT, LicenseNoticeThreshold.DAYS_7, END, null))
                .expectException(namingField("today"))
                .expectNoEvents();
    }
}
