package ru.frmr.registry.command;

import static ru.frmr.registry.command.BusinessRuleMatchers.namingField;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.AccountStatusRecordedEvent;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.ApproveProfileChangeCommand;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.LinkAccountCommand;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.QualificationCategory;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordAccountStatusCommand;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.api.RejectProfileChangeCommand;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.SubmitProfileChangeCommand;
import ru.frmr.registry.api.UpdateContactsCommand;
import ru.frmr.registry.api.WorkerAccountLinkedEvent;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.privacy.PersonalDataVault;
import ru.frmr.registry.privacy.TestCipher;
import ru.frmr.registry.reference.ReferenceDictionaries;

class MedicalWorkerTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000001";
    private static final LocalDate BIRTH = LocalDate.of(1985, 4, 12);

    private FixtureConfiguration<MedicalWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalWorker.class);
        fixture.registerInjectableResource(new ReferenceDictionaries());
        fixture.registerInjectableResource(new PersonalDataVault(new TestCipher()));
    }

    private static WorkerRegisteredEvent registered() {
        return new WorkerRegisteredEvent(ID, "Иванова", "Мария", "Петровна", BIRTH, null, null,
                new SealedPersonalData(sealed("11223344595"), null, null, sealed("m@example.ru"),
                        sealed("+79990000001")));
    }

    /** The worker's personal value as the event store holds it: sealed under the worker's key. */
    private static String sealed(String plaintext) {
        return TestCipher.sealed(ID, plaintext);
    }

    private static ContactsUpdatedEvent contactsUpdated(String email, String mobile, long profileVersion) {
        return new ContactsUpdatedEvent(ID, sealed(email), sealed(mobile), profileVersion);
    }

    @Test
    void registersAWorkerWithNormalisedSnils() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, "Иванова", "Мария", "Петровна", BIRTH, "112-233-445 95",
                        "m@example.ru", "+79990000001", null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void rejectsAnInvalidSnils() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, "Иванова", "Мария", null, BIRTH, "112-233-445 96", "m@example.ru", null,
                        null, null, null, null))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsMissingName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, " ", "Мария", null, BIRTH, "112-233-445 95", "m@example.ru", null,
                        null, null, null, null))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsMissingBirthDate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWorkerCommand(ID, "Иванова", "Мария", null, null, "112-233-445 95", "m@example.ru", null,
                        null, null, null, null))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void linksALoginAccountOnceAndEachFurtherAccountToo() {
        fixture.given(registered())
                .when(new LinkAccountCommand(ID, "account-1"))
                .expectEvents(new WorkerAccountLinkedEvent(ID, "account-1"));
        fixture.given(registered(), new WorkerAccountLinkedEvent(ID, "account-1"))
                .when(new LinkAccountCommand(ID, "account-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered(), new WorkerAccountLinkedEvent(ID, "account-1"))
                .when(new LinkAccountCommand(ID, "account-2"))
                .expectEvents(new WorkerAccountLinkedEvent(ID, "account-2"));
    }

    @Test
    void aLinkNeedsAnAccount() {
        fixture.given(registered())
                .when(new LinkAccountCommand(ID, " "))
                .expectException(namingField("accountId"))
                .expectNoEvents();
    }

    @Test
    void updatesContactsWithANewProfileVersion() {
        fixture.given(registered())
                .when(new UpdateContactsCommand(ID, "new@example.ru", "+79991234567"))
                .expectEvents(contactsUpdated("new@example.ru", "+79991234567", 2));
    }

    @Test
    void contactsEqualToTheRegisteredOnesChangeNothing() {
        fixture.given(registered())
                .when(new UpdateContactsCommand(ID, "m@example.ru", "+79990000001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void repeatedContactsUpdateChangesNothing() {
        fixture.given(registered(), contactsUpdated("new@example.ru", "+79991234567", 2))
                .when(new UpdateContactsCommand(ID, "new@example.ru", "+79991234567"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void versionKeepsIncreasing() {
        fixture.given(registered(), contactsUpdated("new@example.ru", null, 2))
                .when(new UpdateContactsCommand(ID, "new@example.ru", "+79991234567"))
                .expectEvents(contactsUpdated("new@example.ru", "+79991234567", 3));
    }

    // --- the professional record and its moderation ---

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final String WORKER = "account:worker-1";
    private static final String ADMIN = "account:admin-1";
    private static final String CHANGE = "c-1";
    private static final String ENTRY = "e-1";
    private static final LocalDate PROTOCOL = LocalDate.of(2024, 6, 1);

    private static AccreditationEntry accreditation(LocalDate protocolDate) {
        return new AccreditationEntry(AccreditationKind.PERIODIC, "П-17/2024", protocolDate, "31.08.49", null);
    }

    private static AccreditationEntry lawful(LocalDate protocolDate) {
        return accreditation(protocolDate).withLawfulEndDate();
    }

    private static EducationEntry education() {
        return new EducationEntry("ПМГМУ им. И.М. Сеченова", "DIPLOMA", "107704", "0012345", LocalDate.of(2008, 6, 30),
                "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST");
    }

    private static CertificateEntry certificate() {
        return new CertificateEntry("0177", "180012345", LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20),
                "31.08.36");
    }

    private static QualificationCategoryEntry category() {
        return new QualificationCategoryEntry(QualificationCategory.FIRST, "31.08.49", LocalDate.of(2023, 2, 1),
                LocalDate.of(2028, 2, 1));
    }

    private static SubmitProfileChangeCommand submit(ChangeKind kind, String changeId, String entryId,
                                                     RecordEntry entry) {
        return new SubmitProfileChangeCommand(ID, changeId, kind, entryId, entry, WORKER, NOW);
    }

    private static ProfileChangeSubmittedEvent submitted(ChangeKind kind, String changeId, String entryId,
                                                         RecordEntry entry, RecordSection section) {
        return new ProfileChangeSubmittedEvent(ID, changeId, kind, section, entryId, entry, WORKER, NOW);
    }

    private static ProfileChangeApprovedEvent approved(ChangeKind kind, String changeId, String entryId,
                                                       RecordEntry entry, RecordSection section, long version) {
        return new ProfileChangeApprovedEvent(ID, changeId, kind, section, entryId, entry, ADMIN, NOW, version);
    }

    /** The record holding one approved accreditation {@link #ENTRY} of {@link #PROTOCOL}. */
    private static Object[] withApprovedAccreditation() {
        return new Object[] {registered(),
                submitted(ChangeKind.ADD, "c-0", ENTRY, lawful(PROTOCOL), RecordSection.ACCREDITATION),
                approved(ChangeKind.ADD, "c-0", ENTRY, lawful(PROTOCOL), RecordSection.ACCREDITATION, 2)};
    }

    static Stream<RecordEntry> validEntries() {
        return Stream.of(education(), certificate(), lawful(PROTOCOL), category());
    }

    @ParameterizedTest
    @MethodSource("validEntries")
    void submittingAnEntryOfAnySectionPutsItAwaitingModeration(RecordEntry entry) {
        fixture.given(registered())
                .when(submit(ChangeKind.ADD, CHANGE, ENTRY, entry))
                .expectEvents(submitted(ChangeKind.ADD, CHANGE, ENTRY, entry, entry.section()));
    }

    @Test
    void accreditationEndsFiveYearsAfterTheProtocolWhateverTheSubmitterSays() {
        AccreditationEntry claimed = new AccreditationEntry(AccreditationKind.PRIMARY, "П-1", PROTOCOL, "31.08.49",
                LocalDate.of(2099, 1, 1));
        fixture.given(registered())
                .when(submit(ChangeKind.ADD, CHANGE, ENTRY, claimed))
                .expectEvents(submitted(ChangeKind.ADD, CHANGE, ENTRY, new AccreditationEntry(
                        AccreditationKind.PRIMARY, "П-1", PROTOCOL, "31.08.49", LocalDate.of(2029, 6, 1)),
                        RecordSection.ACCREDITATION));
    }

    @Test
    void aRetriedSubmissionChangesNothing() {
        fixture.given(registered(), submitted(ChangeKind.ADD, CHANGE, ENTRY, certificate(), RecordSection.CERTIFICATES))
                .when(submit(ChangeKind.ADD, CHANGE, ENTRY, certificate()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static Stream<Object[]> invalidEntries() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        return Stream.of(
                new Object[] {new CertificateEntry("0177", "1", LocalDate.of(2021, 5, 20), LocalDate.of(2021, 5, 19),
                        "31.08.36"), "entry.endDate"},
                new Object[] {new CertificateEntry("0177", "1", today.plusDays(1), today.plusYears(5), "31.08.36"),
                        "entry.examDate"},
                new Object[] {new CertificateEntry("0177", "1", LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20),
                        "99.99.99"), "entry.specialtyCode"},
                new Object[] {new CertificateEntry("0177", " ", LocalDate.of(2021, 5, 20), LocalDate.of(2026, 5, 20),
                        "31.08.36"), "entry.number"},
                new Object[] {new CertificateEntry("0177", "1".repeat(31), LocalDate.of(2021, 5, 20),
                        LocalDate.of(2026, 5, 20), "31.08.36"), "entry.number"},
                new Object[] {new EducationEntry("<script>alert(1)</script>", "DIPLOMA", null, "1",
                        LocalDate.of(2008, 6, 30), "31.05.01", "Врач", "HIGHER_SPECIALIST"), "entry.institution"},
                new Object[] {new EducationEntry("Институт", "PASSPORT", null, "1", LocalDate.of(2008, 6, 30),
                        "31.05.01", "Врач", "HIGHER_SPECIALIST"), "entry.documentKind"},
                new Object[] {new EducationEntry("Институт", "DIPLOMA", null, "1", LocalDate.of(2008, 6, 30),
                        "31.05.01", "Врач", "KINDERGARTEN"), "entry.levelCode"},
                new Object[] {new EducationEntry("Институт", "DIPLOMA", null, "1", null, "31.05.01", "Врач",
                        "HIGHER_SPECIALIST"), "entry.diplomaDate"},
                new Object[] {new AccreditationEntry(null, "П-1", PROTOCOL, "31.08.49", null), "entry.kind"},
                new Object[] {accreditation(today.plusDays(1)), "entry.protocolDate"},
                new Object[] {new QualificationCategoryEntry(QualificationCategory.HIGHEST, "31.08.49",
                        LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 1)), "entry.endDate"},
                new Object[] {new QualificationCategoryEntry(null, "31.08.49", LocalDate.of(2023, 2, 1),
                        LocalDate.of(2028, 2, 1)), "entry.category"});
    }

    @ParameterizedTest
    @MethodSource("invalidEntries")
    void anEntryBreakingARuleIsRejectedNamingTheField(RecordEntry entry, String field) {
        fixture.given(registered())
                .when(submit(ChangeKind.ADD, CHANGE, ENTRY, entry))
                .expectException(namingField(field))
                .expectNoEvents();
    }

    @Test
    void anOverlappingAccreditationInTheSameSpecialtyIsRejected() {
        fixture.given(withApprovedAccreditation())
                .when(submit(ChangeKind.ADD, CHANGE, "e-2", accreditation(PROTOCOL.plusYears(2))))
                .expectException(namingField("entry.protocolDate"))
                .expectNoEvents();
    }

    @Test
    void accreditationsOfOtherSpecialtiesOrLaterPeriodsDoNotOverlap() {
        AccreditationEntry cardiology = new AccreditationEntry(AccreditationKind.PRIMARY_SPECIALIZED, "П-2",
                PROTOCOL.plusYears(1), "31.08.36", null).withLawfulEndDate();
        fixture.given(withApprovedAccreditation())
                .when(submit(ChangeKind.ADD, CHANGE, "e-2", cardiology))
                .expectEvents(submitted(ChangeKind.ADD, CHANGE, "e-2", cardiology, RecordSection.ACCREDITATION));
    }

    @Test
    void correctingAnAccreditationDoesNotOverlapWithItself() {
        AccreditationEntry corrected = lawful(PROTOCOL.minusDays(10));
        fixture.given(withApprovedAccreditation())
                .when(submit(ChangeKind.CORRECT, CHANGE, ENTRY, corrected))
                .expectEvents(submitted(ChangeKind.CORRECT, CHANGE, ENTRY, corrected, RecordSection.ACCREDITATION));
    }

    @Test
    void approvalRechecksOverlapAgainstWhatWasApprovedMeanwhile() {
        fixture.given(registered(),
                        submitted(ChangeKind.ADD, "c-0", ENTRY, lawful(PROTOCOL), RecordSection.ACCREDITATION),
                        submitted(ChangeKind.ADD, CHANGE, "e-2", lawful(PROTOCOL.plusYears(1)),
                                RecordSection.ACCREDITATION),
                        approved(ChangeKind.ADD, "c-0", ENTRY, lawful(PROTOCOL), RecordSection.ACCREDITATION, 2))
                .when(new ApproveProfileChangeCommand(ID, CHANGE, ADMIN, NOW))
                .expectException(namingField("entry.protocolDate"))
                .expectNoEvents();
    }

    @Test
    void correctingOrRemovingAnEntryThatIsNotInTheRecordIsRejected() {
        fixture.given(registered())
                .when(submit(ChangeKind.CORRECT, CHANGE, ENTRY, certificate()))
                .expectException(BusinessRuleException.class);
        fixture.given(registered())
                .when(submit(ChangeKind.REMOVE, CHANGE, ENTRY, null))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void addingUnderAnIdAlreadyInTheRecordIsRejected() {
        fixture.given(withApprovedAccreditation())
                .when(submit(ChangeKind.ADD, CHANGE, ENTRY, certificate()))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void aCorrectionCannotMoveAnEntryToAnotherSection() {
        fixture.given(withApprovedAccreditation())
                .when(submit(ChangeKind.CORRECT, CHANGE, ENTRY, certificate()))
                .expectException(namingField("entry.section"))
                .expectNoEvents();
    }

    @Test
    void anAdditionWithoutAnEntryIsRejected() {
        fixture.given(registered())
                .when(submit(ChangeKind.ADD, CHANGE, ENTRY, null))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void aRemovalNamesTheSectionOfTheRemovedEntry() {
        fixture.given(withApprovedAccreditation())
                .when(submit(ChangeKind.REMOVE, CHANGE, ENTRY, null))
                .expectEvents(submitted(ChangeKind.REMOVE, CHANGE, ENTRY, null, RecordSection.ACCREDITATION));
    }

    @Test
    void anEntryTakesOneChangeAtATime() {
        fixture.given(withApprovedAccreditation())
                .andGiven(submitted(ChangeKind.REMOVE, CHANGE, ENTRY, null, RecordSection.ACCREDITATION))
                .when(submit(ChangeKind.CORRECT, "c-2", ENTRY, lawful(PROTOCOL)))
                .expectException(namingField("entryId"))
                .expectNoEvents();
    }

    @Test
    void approvalAppliesTheChangeWithTheNextProfileVersion() {
        fixture.given(registered(), submitted(ChangeKind.ADD, CHANGE, ENTRY, certificate(), RecordSection.CERTIFICATES))
                .when(new ApproveProfileChangeCommand(ID, CHANGE, ADMIN, NOW))
                .expectEvents(approved(ChangeKind.ADD, CHANGE, ENTRY, certificate(), RecordSection.CERTIFICATES, 2));
    }

    @Test
    void anApprovedRemovalTakesTheEntryOutOfTheRecord() {
        fixture.given(withApprovedAccreditation())
                .andGiven(submitted(ChangeKind.REMOVE, CHANGE, ENTRY, null, RecordSection.ACCREDITATION),
                        approved(ChangeKind.REMOVE, CHANGE, ENTRY, null, RecordSection.ACCREDITATION, 3))
                .when(submit(ChangeKind.CORRECT, "c-2", ENTRY, lawful(PROTOCOL)))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void aChangeIsDecidedOnlyOnce() {
        fixture.given(registered(), submitted(ChangeKind.ADD, CHANGE, ENTRY, certificate(), RecordSection.CERTIFICATES),
                        approved(ChangeKind.ADD, CHANGE, ENTRY, certificate(), RecordSection.CERTIFICATES, 2))
                .when(new RejectProfileChangeCommand(ID, CHANGE, "Не тот документ", ADMIN, NOW))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void approvingAnUnknownChangeIsRejected() {
        fixture.given(registered())
                .when(new ApproveProfileChangeCommand(ID, "no-such-change", ADMIN, NOW))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void rejectionCarriesTheReasonAndLeavesTheRecordAsItWas() {
        fixture.given(registered(), submitted(ChangeKind.ADD, CHANGE, ENTRY, certificate(), RecordSection.CERTIFICATES))
                .when(new RejectProfileChangeCommand(ID, CHANGE, " Скан диплома нечитаем ", ADMIN, NOW))
                .expectEvents(new ProfileChangeRejectedEvent(ID, CHANGE, ChangeKind.ADD, RecordSection.CERTIFICATES,
                        ENTRY, "Скан диплома нечитаем", ADMIN, NOW));
    }

    @Test
    void aRejectedChangeFreesTheEntryForAnotherChange() {
        fixture.given(withApprovedAccreditation())
                .andGiven(submitted(ChangeKind.REMOVE, CHANGE, ENTRY, null, RecordSection.ACCREDITATION),
                        new ProfileChangeRejectedEvent(ID, CHANGE, ChangeKind.REMOVE, RecordSection.ACCREDITATION,
                                ENTRY, "Нет", ADMIN, NOW))
                .when(submit(ChangeKind.REMOVE, "c-2", ENTRY, null))
                .expectEvents(submitted(ChangeKind.REMOVE, "c-2", ENTRY, null, RecordSection.ACCREDITATION));
    }

    @Test
    void aRejectionNeedsAPlainReasonOfBoundedLength() {
        Object[] given = {registered(),
                submitted(ChangeKind.ADD, CHANGE, ENTRY, certificate(), RecordSection.CERTIFICATES)};
        fixture.given(given).when(new RejectProfileChangeCommand(ID, CHANGE, " ", ADMIN, NOW))
                .expectException(BusinessRuleException.class);
        fixture.given(given).when(new RejectProfileChangeCommand(ID, CHANGE, "<b>нет</b>", ADMIN, NOW))
                .expectException(BusinessRuleException.class);
        fixture.given(given).when(new RejectProfileChangeCommand(ID, CHANGE, "я".repeat(501), ADMIN, NOW))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void contactChangesAfterApprovalsContinueTheProfileVersion() {
        fixture.given(withApprovedAccreditation())
                .when(new UpdateContactsCommand(ID, "new@example.ru", null))
                .expectEvents(contactsUpdated("new@example.ru", null, 3));
    }

    // --- the login account's status ---

    @Test
    void anAccountStatusIsRecordedOnceAndOnlyWhenNewerThanTheLast() {
        Instant t1 = Instant.parse("2026-03-10T09:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        fixture.given(registered())
                .when(new RecordAccountStatusCommand(ID, "acc-1", "BLOCKED", t1))
                .expectEvents(new AccountStatusRecordedEvent(ID, "acc-1", "BLOCKED", t1));
        fixture.given(registered(), new AccountStatusRecordedEvent(ID, "acc-1", "BLOCKED", t1))
                .when(new RecordAccountStatusCommand(ID, "acc-1", "BLOCKED", t1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered(), new AccountStatusRecordedEvent(ID, "acc-1", "ACTIVE", t2))
                .when(new RecordAccountStatusCommand(ID, "acc-1", "BLOCKED", t1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered(), new AccountStatusRecordedEvent(ID, "acc-1", "BLOCKED", t1))
                .when(new RecordAccountStatusCommand(ID, "acc-1", "ACTIVE", t2))
                .expectEvents(new AccountStatusRecordedEvent(ID, "acc-1", "ACTIVE", t2));
    }

    @Test
    void anAccountStatusWithoutTimeOrStatusIsRefused() {
        fixture.given(registered())
                .when(new RecordAccountStatusCommand(ID, "acc-1", "BLOCKED", null))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordAccountStatusCommand(ID, "acc-1", " ", Instant.parse("2026-03-10T09:00:00Z")))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }
}
