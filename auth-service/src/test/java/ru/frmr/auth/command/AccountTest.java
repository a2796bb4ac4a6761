package ru.frmr.auth.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.AccountLockedEvent;
import ru.frmr.auth.api.AccountPersonalDataErasedEvent;
import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.AccountSessionsEndedEvent;
import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.AccountStatusChangedEvent;
import ru.frmr.auth.api.AccountUnlockedEvent;
import ru.frmr.auth.api.AccountWorkerLinkedEvent;
import ru.frmr.auth.api.ActivationRequestedEvent;
import ru.frmr.auth.api.ChangeAccountStatusCommand.StatusChange;
import ru.frmr.auth.api.ChangeAccountStatusCommand;
import ru.frmr.auth.api.CheckLoginAllowedCommand;
import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.api.ConfirmContactChangeCommand;
import ru.frmr.auth.api.ContactChangeConfirmedEvent;
import ru.frmr.auth.api.ContactChangeRequestedEvent;
import ru.frmr.auth.api.ContactConfirmation;
import ru.frmr.auth.api.ContactReport;
import ru.frmr.auth.api.EndAccountSessionsCommand.Which;
import ru.frmr.auth.api.EndAccountSessionsCommand;
import ru.frmr.auth.api.ErasePersonalDataCommand;
import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.api.LiftLockCommand;
import ru.frmr.auth.api.LinkWorkerCommand;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.LoginFailedEvent;
import ru.frmr.auth.api.LoginSucceededEvent;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.api.ProvisionAccountCommand;
import ru.frmr.auth.api.ReportContactsCommand;
import ru.frmr.auth.api.RequestActivationCommand;
import ru.frmr.auth.api.SealedPersonData;
import ru.frmr.auth.api.SecondFactorPassedEvent;
import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.api.SessionsReleasedEvent;
import ru.frmr.auth.api.StartSessionCommand;
import ru.frmr.auth.api.VerifyOneTimeCodeCommand;
import ru.frmr.auth.privacy.FakePersonalDataCipher;
import ru.frmr.auth.privacy.TestVaults;
import ru.frmr.contracts.auth.LoginMethod;
import ru.frmr.kit.error.BusinessRuleException;

class AccountTest {

    private static final String ID = "3f0a3c1e-5d2b-3c4d-8e9f-000000000001";
    private static final String OID = "1000299654";
    private static final String WORKER_ID = "8c1f2c4e-1111-3a2b-9c3d-000000000001";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final PersonData PERSON = new PersonData("Иванова", "Мария", "Петровна",
            LocalDate.of(1985, 4, 12), "F", "11223344595", "ivanova@frmr.test", "+79990000001", "770112345695",
            "RUS", new IdentityDocument("RF_PASSPORT", "4505", "612345", LocalDate.of(2005, 4, 20),
            "ГУ МВД России по г. Москве", "770-001"));
    private static final String CHROME = "Chrome, Windows";
    /** The client's address as {@code AddressHashes} names it. */
    private static final String ADDRESS = "q3Jm0bX9-cT2vN5_hL8wAg";
    private static final AccountPolicy POLICY = new AccountPolicy(5, Duration.ofMinutes(15), 5, Duration.ofHours(12));

    /** The key subject of PERSON: auth's private keyed hash of the СНИЛС. */
    private static final String SUBJECT = TestVaults.vault().subjectFor(PERSON.snils());

    private FixtureConfiguration<Account> fixture;
    private FakePersonalDataCipher cipher;

    @BeforeEach
    void setUp() {
        cipher = new FakePersonalDataCipher();
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(TestVaults.vault(cipher));
    }

    /** The fake cipher is deterministic: the same subject, generation and value give the same token. */
    private static AccountProvisionedEvent provisioned(AccountStatus status) {
        return new AccountProvisionedEvent(ID, OID, TestVaults.vault().seal(SUBJECT, PERSON), null, status, T0,
                SUBJECT, true);
    }

    /** A login from the browser every login here uses unless it says otherwise. */
    private static LoginSucceededEvent loggedIn(String sessionId, Instant at) {
        return new LoginSucceededEvent(ID, sessionId, LoginMethod.ESIA, at, CHROME, false);
    }

    private static AccountSessionsEndedEvent loggedOut(String sessionId, Instant at) {
        return new AccountSessionsEndedEvent(ID, List.of(sessionId), SessionEndReason.LOGOUT, at);
    }

    /** The account provisioned, then one login from each device in turn, each ended before the next. */
    private static Object[] loginsFrom(String first, List<String> then) {
        List<Object> events = new ArrayList<>(List.of(provisioned(AccountStatus.ACTIVE)));
        List<String> devices = new ArrayList<>(List.of(first));
        devices.addAll(then);
        for (int i = 0; i < devices.size(); i++) {
            Instant at = T0.plusSeconds(10L * i);
            events.add(new LoginSucceededEvent(ID, "s" + i, LoginMethod.ESIA, at, devices.get(i), i > 0));
            events.add(loggedOut("s" + i, at.plusSeconds(5)));
        }
        return events.toArray();
    }

    private static List<String> otherDevices(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "Browser " + i + ", OS").toList();
    }

    private static String sealed(long generation, String value) {
        return FakePersonalDataCipher.token(generation, SUBJECT, value);
    }

    /** A business rule exception that names {@code field} (what the 422 problem will name). */
    private static Matcher<BusinessRuleException> namingField(String field) {
        return new CustomTypeSafeMatcher<>("a business rule exception naming " + field) {
            @Override
            protected boolean matchesSafely(BusinessRuleException e) {
                return field.equals(e.field());
            }
        };
    }

    private static LoginFailedEvent wrongCode(int minute) {
        return new LoginFailedEvent(ID, "SECOND_FACTOR", T0.plusSeconds(60L * minute), ADDRESS);
    }

    private static Object[] fourWrongCodes() {
        return new Object[] {provisioned(AccountStatus.ACTIVE), wrongCode(1), wrongCode(2), wrongCode(3), wrongCode(4)};
    }

    @Test
    void provisionsAnAccountFromIdentityProviderData() {
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, OID, PERSON, true, AccountStatus.ACTIVE, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(provisioned(AccountStatus.ACTIVE));
    }

    @Test
    void recordsTheRegistryNumberTheRegistryAnnouncedOnce() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new LinkWorkerCommand(ID, WORKER_ID, T0))
                .expectEvents(new AccountWorkerLinkedEvent(ID, WORKER_ID, T0));
        fixture.given(provisioned(AccountStatus.ACTIVE), new AccountWorkerLinkedEvent(ID, WORKER_ID, T0))
                .when(new LinkWorkerCommand(ID, WORKER_ID, T0.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new LinkWorkerCommand(ID, " ", T0))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void anAccountFromBeforeRegistryNumbersAlreadyKnowsItsWorker() {
        AccountProvisionedEvent legacy = new AccountProvisionedEvent(ID, OID, TestVaults.vault().seal(SUBJECT, PERSON),
                WORKER_ID, AccountStatus.ACTIVE, T0, SUBJECT, true);
        fixture.given(legacy)
                .when(new LinkWorkerCommand(ID, WORKER_ID, T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void provisioningNeedsAValidSnils() {
        PersonData noSnils = new PersonData("Иванова", "Мария", null, LocalDate.of(1985, 4, 12), "F", "112-233",
                null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, OID, noSnils, false, AccountStatus.ACTIVE, T0))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void provisioningWithoutInnOrDocumentIsFineButAMalformedInnIsRefused() {
        PersonData noInn = new PersonData("Иванова", "Мария", null, LocalDate.of(1985, 4, 12), "F", "11223344595",
                null, null, null, null, null);
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, OID, noInn, true, AccountStatus.ACTIVE, T0))
                .expectEvents(new AccountProvisionedEvent(ID, OID, TestVaults.vault().seal(SUBJECT, noInn), null,
                        AccountStatus.ACTIVE, T0, SUBJECT, true));
        PersonData shortInn = new PersonData("Иванова", "Мария", null, LocalDate.of(1985, 4, 12), "F", "11223344595",
                null, null, "7701123456", null, null);
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, OID, shortInn, true, AccountStatus.ACTIVE, T0))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void provisioningNeedsNamesAndBirthDate() {
        PersonData noName = new PersonData(" ", "Мария", null, null, "F", "11223344595", null, null, null, null,
                null);
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, OID, noName, false, AccountStatus.ACTIVE, T0))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void provisioningNeedsTheEsiaOid() {
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, "", PERSON, false, AccountStatus.ACTIVE, T0))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void aNewAccountCannotStartBlocked() {
        fixture.givenNoPriorActivity()
                .when(new ProvisionAccountCommand(ID, OID, PERSON, false, AccountStatus.BLOCKED, T0))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void loginOfAnActiveAccountOpensTheSession() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new StartSessionCommand(ID, "s1", LoginMethod.ESIA, T0, CHROME, ADDRESS))
                .expectResultMessagePayload(LoginCheck.allowed())
                .expectEvents(loggedIn("s1", T0));
    }

    @Test
    void theFirstLoginOfAnAccountIsNoNewDeviceNorIsAnotherFromTheSameBrowser() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new StartSessionCommand(ID, "s1", LoginMethod.ESIA, T0, "Firefox, Linux", ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "s1", LoginMethod.ESIA, T0, "Firefox, Linux", false));
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0), loggedOut("s1", T0.plusSeconds(1)))
                .when(new StartSessionCommand(ID, "s2", LoginMethod.QUALIFIED_SIGNATURE, T0.plusSeconds(9), CHROME,
                        ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "s2", LoginMethod.QUALIFIED_SIGNATURE, T0.plusSeconds(9),
                        CHROME, false));
    }

    @Test
    void aLoginFromAnotherBrowserOrSystemIsFromANewDeviceOnlyTheFirstTime() {
        Instant at = T0.plusSeconds(9);
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0))
                .when(new StartSessionCommand(ID, "s2", LoginMethod.ESIA, at, "Chrome, Android", ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "s2", LoginMethod.ESIA, at, "Chrome, Android", true));
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0),
                        new LoginSucceededEvent(ID, "s2", LoginMethod.ESIA, T0.plusSeconds(1), "Chrome, Android", true))
                .when(new StartSessionCommand(ID, "s3", LoginMethod.ESIA, at, "Chrome, Android", ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "s3", LoginMethod.ESIA, at, "Chrome, Android", false));
    }

    @Test
    void anAccountThatLoggedInOnlyBeforeDevicesWereRecordedIsNotToldOfItsNextLogin() {
        // A revision-1 LoginSucceededEvent as the upcaster reads it.
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new LoginSucceededEvent(ID, "s1", LoginMethod.ESIA, T0, null, false),
                        loggedOut("s1", T0.plusSeconds(1)))
                .when(new StartSessionCommand(ID, "s2", LoginMethod.ESIA, T0.plusSeconds(9), "Safari, Mac OS X",
                        ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "s2", LoginMethod.ESIA, T0.plusSeconds(9),
                        "Safari, Mac OS X", false));
    }

    @Test
    void onlyTheTwentyMostRecentlyUsedDevicesAreKnown() {
        Instant at = T0.plusSeconds(3600);
        // Chrome first, then twenty others: Chrome is the twenty-first most recent and forgotten.
        Object[] chromeThenTwenty = loginsFrom(CHROME, otherDevices(20));
        fixture.given(chromeThenTwenty)
                .when(new StartSessionCommand(ID, "again", LoginMethod.ESIA, at, CHROME, ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "again", LoginMethod.ESIA, at, CHROME, true));
        fixture.given(chromeThenTwenty)
                .when(new StartSessionCommand(ID, "again", LoginMethod.ESIA, at, "Browser 1, OS", ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "again", LoginMethod.ESIA, at, "Browser 1, OS", false));
        // Used again after 19 others, Chrome is recent once more when the twentieth comes.
        List<String> others = otherDevices(20);
        List<String> chromeInBetween = new ArrayList<>(others.subList(0, 19));
        chromeInBetween.add(CHROME);
        chromeInBetween.add(others.get(19));
        fixture.given(loginsFrom(CHROME, chromeInBetween))
                .when(new StartSessionCommand(ID, "again", LoginMethod.ESIA, at, CHROME, ADDRESS))
                .expectEvents(new LoginSucceededEvent(ID, "again", LoginMethod.ESIA, at, CHROME, false));
    }

    @Test
    void contactsTheAccountAlreadyHoldsChangeNothingAndCodesGoToTheHeldEMail() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ReportContactsCommand(ID, "c1", "ivanova@frmr.test", "+79990000001", T0))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", null))
                .expectNoEvents();
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ReportContactsCommand(ID, "c1", null, null, T0))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", null))
                .expectNoEvents();
    }

    @Test
    void anotherEMailFromTheProviderWaitsAndCodesStillGoToTheHeldOne() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ReportContactsCommand(ID, "c1", "new@frmr.test", "+79990000001", T0))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", "c1"))
                .expectEvents(new ContactChangeRequestedEvent(ID, "c1", sealed(1, "new@frmr.test"), null, T0));
    }

    @Test
    void anotherPhoneWaitsToo() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ReportContactsCommand(ID, "c1", "ivanova@frmr.test", "+79990000099", T0))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", "c1"))
                .expectEvents(new ContactChangeRequestedEvent(ID, "c1", null, sealed(1, "+79990000099"), T0));
    }

    @Test
    void theSameWaitingChangeReportedAgainIsNoNewRequest() {
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new ContactChangeRequestedEvent(ID, "c1", sealed(1, "new@frmr.test"), null, T0))
                .when(new ReportContactsCommand(ID, "c2", "new@frmr.test", "+79990000001", T0.plusSeconds(60)))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", "c1"))
                .expectNoEvents();
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new ContactChangeRequestedEvent(ID, "c1", sealed(1, "new@frmr.test"), null, T0))
                .when(new ReportContactsCommand(ID, "c2", "other@frmr.test", null, T0.plusSeconds(60)))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", "c2"))
                .expectEvents(new ContactChangeRequestedEvent(ID, "c2", sealed(1, "other@frmr.test"), null,
                        T0.plusSeconds(60)));
    }

    @Test
    void aWaitingChangeIsNotAnnouncedAgainWhenTheProviderReportsTheHeldContactsOnceMore() {
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new ContactChangeRequestedEvent(ID, "c1", sealed(1, "new@frmr.test"), null, T0))
                .when(new ReportContactsCommand(ID, "c2", "ivanova@frmr.test", "+79990000001", T0.plusSeconds(60)))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", null))
                .expectNoEvents();
    }

    @Test
    void theCodeMailedToThePreviousEMailConfirmsTheChangeAndCodesGoToTheNewOne() {
        Object[] waiting = {provisioned(AccountStatus.ACTIVE),
                new ContactChangeRequestedEvent(ID, "c1", sealed(1, "new@frmr.test"), sealed(1, "+79990000099"), T0)};
        fixture.given(waiting)
                .when(new ConfirmContactChangeCommand(ID, "c1", ContactConfirmation.PREVIOUS_EMAIL, T0.plusSeconds(9)))
                .expectEvents(new ContactChangeConfirmedEvent(ID, "c1", ContactConfirmation.PREVIOUS_EMAIL,
                        sealed(1, "new@frmr.test"), sealed(1, "+79990000099"), T0.plusSeconds(9), SUBJECT));
        fixture.given(waiting)
                .andGiven(new ContactChangeConfirmedEvent(ID, "c1", ContactConfirmation.PREVIOUS_EMAIL,
                        sealed(1, "new@frmr.test"), sealed(1, "+79990000099"), T0.plusSeconds(9), SUBJECT))
                .when(new ReportContactsCommand(ID, "c2", "new@frmr.test", "+79990000099", T0.plusSeconds(60)))
                .expectResultMessagePayload(new ContactReport("new@frmr.test", null))
                .expectNoEvents();
    }

    @Test
    void anAdministratorConfirmsTheWaitingChange() {
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new ContactChangeRequestedEvent(ID, "c1", sealed(1, "new@frmr.test"), null, T0))
                .when(new ConfirmContactChangeCommand(ID, null, ContactConfirmation.ADMINISTRATOR, T0.plusSeconds(9)))
                .expectEvents(new ContactChangeConfirmedEvent(ID, "c1", ContactConfirmation.ADMINISTRATOR,
                        sealed(1, "new@frmr.test"), null, T0.plusSeconds(9), SUBJECT));
    }

    @Test
    void onlyTheWaitingChangeCanBeConfirmed() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ConfirmContactChangeCommand(ID, null, ContactConfirmation.ADMINISTRATOR, T0))
                .expectException(BusinessRuleException.class)
                .expectException(namingField("changeId"));
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new ContactChangeRequestedEvent(ID, "c2", sealed(1, "other@frmr.test"), null, T0))
                .when(new ConfirmContactChangeCommand(ID, "c1", ContactConfirmation.PREVIOUS_EMAIL, T0))
                .expectException(namingField("changeId"));
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new ContactChangeRequestedEvent(ID, "c1", sealed(1, "new@frmr.test"), null, T0))
                .when(new ConfirmContactChangeCommand(ID, "c1", ContactConfirmation.NONE_HELD, T0))
                .expectException(namingField("by"));
    }

    @Test
    void aKindOfContactTheAccountHoldsNoneOfIsRecordedAtOnce() {
        AccountProvisionedEvent withoutPhone = new AccountProvisionedEvent(ID, OID, TestVaults.vault().seal(SUBJECT,
                new PersonData(PERSON.lastName(), PERSON.firstName(), PERSON.middleName(), PERSON.birthDate(),
                        PERSON.gender(), PERSON.snils(), PERSON.email(), null, PERSON.inn(), PERSON.citizenship(),
                        PERSON.identityDocument())), WORKER_ID, AccountStatus.ACTIVE, T0, SUBJECT, true);
        fixture.given(withoutPhone)
                .when(new ReportContactsCommand(ID, "c1", "ivanova@frmr.test", "+79990000001", T0))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", null))
                .expectEvents(new ContactChangeConfirmedEvent(ID, null, ContactConfirmation.NONE_HELD, null,
                        sealed(1, "+79990000001"), T0, SUBJECT));
    }

    @Test
    void aSixthConcurrentSessionEndsTheOldest() {
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        loggedIn("s1", T0),
                        loggedIn("s2", T0.plusSeconds(1)),
                        loggedIn("s3", T0.plusSeconds(2)),
                        loggedIn("s4", T0.plusSeconds(3)),
                        loggedIn("s5", T0.plusSeconds(4)))
                .when(new StartSessionCommand(ID, "s6", LoginMethod.ESIA, T0.plusSeconds(5), CHROME, ADDRESS))
                .expectResultMessagePayload(LoginCheck.allowed())
                .expectEvents(new AccountSessionsEndedEvent(ID, List.of("s1"), SessionEndReason.SESSION_LIMIT,
                                T0.plusSeconds(5)),
                        loggedIn("s6", T0.plusSeconds(5)));
    }

    @Test
    void sessionsPastTheirAbsoluteLifetimeNoLongerCount() {
        Instant later = T0.plus(Duration.ofHours(13));
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("old", T0))
                .when(new StartSessionCommand(ID, "new", LoginMethod.ESIA, later, CHROME, ADDRESS))
                .expectResultMessagePayload(LoginCheck.allowed())
                .expectEvents(new AccountSessionsEndedEvent(ID, List.of("old"), SessionEndReason.ABSOLUTE_TIMEOUT,
                                later),
                        loggedIn("new", later));
    }

    @Test
    void thePersonEndsOneOfTheAccountsSessionsOnce() {
        Instant at = T0.plusSeconds(9);
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0))
                .when(new EndAccountSessionsCommand(ID, Which.THIS, "s1", SessionEndReason.ENDED_BY_USER, at))
                .expectResultMessagePayload(List.of("s1"))
                .expectEvents(new AccountSessionsEndedEvent(ID, List.of("s1"), SessionEndReason.ENDED_BY_USER, at));
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0),
                        new AccountSessionsEndedEvent(ID, List.of("s1"), SessionEndReason.LOGOUT, at))
                .when(new EndAccountSessionsCommand(ID, Which.THIS, "s1", SessionEndReason.ENDED_BY_USER,
                        at.plusSeconds(1)))
                .expectResultMessagePayload(List.of())
                .expectNoEvents();
    }

    @Test
    void aSessionTheAccountDoesNotCountCannotBeEndedThroughIt() {
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0))
                .when(new EndAccountSessionsCommand(ID, Which.THIS, "someone-elses", SessionEndReason.ENDED_BY_USER,
                        T0.plusSeconds(1)))
                .expectResultMessagePayload(List.of())
                .expectNoEvents();
    }

    @Test
    void allOtherSessionsEndButTheCurrentOne() {
        Instant at = T0.plusSeconds(9);
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0),
                        loggedIn("s2", T0.plusSeconds(1)),
                        loggedIn("s3", T0.plusSeconds(2)))
                .when(new EndAccountSessionsCommand(ID, Which.ALL_BUT_THIS, "s2", SessionEndReason.ENDED_BY_USER, at))
                .expectResultMessagePayload(List.of("s1", "s3"))
                .expectEvents(new AccountSessionsEndedEvent(ID, List.of("s1", "s3"), SessionEndReason.ENDED_BY_USER,
                        at));
    }

    @Test
    void sessionsReleasedInEventsStoredBeforeNoLongerCount() {
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0),
                        new SessionsReleasedEvent(ID, List.of("s1"), T0.plusSeconds(9)))
                .when(new EndAccountSessionsCommand(ID, Which.THIS, "s1", SessionEndReason.LOGOUT, T0.plusSeconds(10)))
                .expectResultMessagePayload(List.of())
                .expectNoEvents();
    }

    @Test
    void aRightCodeIsAcceptedAndResetsTheCount() {
        fixture.given(provisioned(AccountStatus.ACTIVE), wrongCode(1))
                .when(new VerifyOneTimeCodeCommand(ID, true, CodePurpose.SECOND_FACTOR, T0.plusSeconds(120), ADDRESS))
                .expectResultMessagePayload(new CodeCheck(CodeCheck.Outcome.ACCEPTED, 5, null, false))
                .expectEvents(new SecondFactorPassedEvent(ID, CodePurpose.SECOND_FACTOR, T0.plusSeconds(120)));
    }

    @Test
    void aWrongCodeCountsAndSaysHowManyTriesAreLeft() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new VerifyOneTimeCodeCommand(ID, false, CodePurpose.SECOND_FACTOR, T0.plusSeconds(60), ADDRESS))
                .expectResultMessagePayload(new CodeCheck(CodeCheck.Outcome.WRONG, 4, null, false))
                .expectEvents(wrongCode(1));
    }

    @Test
    void theFifthWrongCodeLocksForFifteenMinutes() {
        Instant at = T0.plusSeconds(300);
        fixture.given(fourWrongCodes())
                .when(new VerifyOneTimeCodeCommand(ID, false, CodePurpose.SECOND_FACTOR, at, ADDRESS))
                .expectResultMessagePayload(new CodeCheck(CodeCheck.Outcome.LOCKED, 0,
                        at.plus(Duration.ofMinutes(15)), true))
                .expectEvents(new LoginFailedEvent(ID, "SECOND_FACTOR", at, ADDRESS),
                        new AccountLockedEvent(ID, at.plus(Duration.ofMinutes(15)), at));
    }

    @Test
    void wrongStepUpCodesCountTowardTheSameLock() {
        Instant at = T0.plusSeconds(300);
        fixture.given(fourWrongCodes())
                .when(new VerifyOneTimeCodeCommand(ID, false, CodePurpose.STEP_UP, at, ADDRESS))
                .expectEvents(new LoginFailedEvent(ID, "STEP_UP", at, ADDRESS),
                        new AccountLockedEvent(ID, at.plus(Duration.ofMinutes(15)), at));
    }

    @Test
    void theSixthAttemptIsRefusedAsLockedEvenWithTheRightCode() {
        Instant lockedAt = T0.plusSeconds(300);
        Instant until = lockedAt.plus(Duration.ofMinutes(15));
        fixture.given(provisioned(AccountStatus.ACTIVE), wrongCode(1), wrongCode(2), wrongCode(3), wrongCode(4),
                        new LoginFailedEvent(ID, "SECOND_FACTOR", lockedAt, ADDRESS),
                        new AccountLockedEvent(ID, until, lockedAt))
                .when(new VerifyOneTimeCodeCommand(ID, true, CodePurpose.SECOND_FACTOR, lockedAt.plusSeconds(10),
                        ADDRESS))
                .expectResultMessagePayload(new CodeCheck(CodeCheck.Outcome.LOCKED, 0, until, false))
                .expectEvents(new LoginFailedEvent(ID, "LOCKED", lockedAt.plusSeconds(10), ADDRESS));
    }

    @Test
    void aLockedAccountOpensNoSession() {
        Instant until = T0.plus(Duration.ofMinutes(15));
        fixture.given(provisioned(AccountStatus.ACTIVE), new AccountLockedEvent(ID, until, T0))
                .when(new StartSessionCommand(ID, "s1", LoginMethod.QUALIFIED_SIGNATURE, T0.plusSeconds(1), CHROME,
                        ADDRESS))
                .expectResultMessagePayload(new LoginCheck("LOCKED", until))
                .expectEvents(new LoginFailedEvent(ID, "LOCKED", T0.plusSeconds(1), ADDRESS));
    }

    @Test
    void theLockEndsByItselfAfterFifteenMinutes() {
        Instant until = T0.plus(Duration.ofMinutes(15));
        fixture.given(provisioned(AccountStatus.ACTIVE), new AccountLockedEvent(ID, until, T0))
                .when(new CheckLoginAllowedCommand(ID, until, ADDRESS))
                .expectResultMessagePayload(LoginCheck.allowed())
                .expectEvents(new AccountUnlockedEvent(ID, until));
    }

    @Test
    void afterTheLockTheCountStartsAgain() {
        Instant until = T0.plus(Duration.ofMinutes(15));
        fixture.given(fourWrongCodes()).andGiven(new LoginFailedEvent(ID, "SECOND_FACTOR", T0, ADDRESS),
                        new AccountLockedEvent(ID, until, T0), new AccountUnlockedEvent(ID, until))
                .when(new VerifyOneTimeCodeCommand(ID, false, CodePurpose.SECOND_FACTOR, until.plusSeconds(1), ADDRESS))
                .expectResultMessagePayload(new CodeCheck(CodeCheck.Outcome.WRONG, 4, null, false));
    }

    @Test
    void anAdministratorCanLiftALock() {
        fixture.given(provisioned(AccountStatus.ACTIVE), new AccountLockedEvent(ID, T0.plusSeconds(900), T0))
                .when(new LiftLockCommand(ID, T0.plusSeconds(5)))
                .expectEvents(new AccountUnlockedEvent(ID, T0.plusSeconds(5)));
    }

    @Test
    void liftingWithoutALockChangesNothing() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new LiftLockCommand(ID, T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void blockingEndsTheOpenSessionsAndRefusesLogins() {
        fixture.given(provisioned(AccountStatus.ACTIVE), loggedIn("s1", T0))
                .when(new ChangeAccountStatusCommand(ID, StatusChange.BLOCK, T0.plusSeconds(1)))
                .expectResultMessagePayload(List.of("s1"))
                .expectEvents(new AccountStatusChangedEvent(ID, AccountStatus.BLOCKED, AccountStatus.ACTIVE,
                        T0.plusSeconds(1)),
                        new AccountSessionsEndedEvent(ID, List.of("s1"), SessionEndReason.ACCOUNT_BLOCKED,
                                T0.plusSeconds(1)));
    }

    @Test
    void aBlockedAccountGetsNoCodeAndNoSession() {
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new AccountStatusChangedEvent(ID, AccountStatus.BLOCKED, AccountStatus.ACTIVE, T0))
                .when(new CheckLoginAllowedCommand(ID, T0.plusSeconds(1), ADDRESS))
                .expectResultMessagePayload(new LoginCheck("BLOCKED", null))
                .expectEvents(new LoginFailedEvent(ID, "BLOCKED", T0.plusSeconds(1), ADDRESS));
    }

    @Test
    void aBlockedAccountCannotConfirmACode() {
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new AccountStatusChangedEvent(ID, AccountStatus.BLOCKED, AccountStatus.ACTIVE, T0))
                .when(new VerifyOneTimeCodeCommand(ID, true, CodePurpose.STEP_UP, T0.plusSeconds(1), ADDRESS))
                .expectResultMessagePayload(new CodeCheck(CodeCheck.Outcome.REFUSED, 0, null, false));
    }

    @Test
    void unblockingRestoresThePreviousStatus() {
        fixture.given(provisioned(AccountStatus.NEEDS_CONFIRMATION),
                        new AccountStatusChangedEvent(ID, AccountStatus.BLOCKED, AccountStatus.NEEDS_CONFIRMATION, T0))
                .when(new ChangeAccountStatusCommand(ID, StatusChange.UNBLOCK, T0.plusSeconds(1)))
                .expectEvents(new AccountStatusChangedEvent(ID, AccountStatus.NEEDS_CONFIRMATION,
                        AccountStatus.BLOCKED, T0.plusSeconds(1)));
    }

    @Test
    void onlyABlockedAccountCanBeUnblocked() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ChangeAccountStatusCommand(ID, StatusChange.UNBLOCK, T0))
                .expectException(BusinessRuleException.class)
                .expectNoEvents();
    }

    @Test
    void blockingTwiceChangesNothing() {
        fixture.given(provisioned(AccountStatus.ACTIVE),
                        new AccountStatusChangedEvent(ID, AccountStatus.BLOCKED, AccountStatus.ACTIVE, T0))
                .when(new ChangeAccountStatusCommand(ID, StatusChange.BLOCK, T0.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUnconfirmedAccountMayNotLogInButMayAskForActivation() {
        fixture.given(provisioned(AccountStatus.NEEDS_CONFIRMATION))
                .when(new StartSessionCommand(ID, "s1", LoginMethod.ESIA, T0, CHROME, ADDRESS))
                .expectResultMessagePayload(new LoginCheck("NEEDS_CONFIRMATION", null))
                .expectEvents(new LoginFailedEvent(ID, "NEEDS_CONFIRMATION", T0, ADDRESS));
        fixture.given(provisioned(AccountStatus.NEEDS_CONFIRMATION))
                .when(new RequestActivationCommand(ID, T0))
                .expectEvents(new ActivationRequestedEvent(ID, T0));
    }

    @Test
    void activationIsRequestedOnce() {
        fixture.given(provisioned(AccountStatus.NEEDS_CONFIRMATION), new ActivationRequestedEvent(ID, T0))
                .when(new RequestActivationCommand(ID, T0.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anActiveAccountHasNothingToActivate() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new RequestActivationCommand(ID, T0))
                .expectException(BusinessRuleException.class);
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ChangeAccountStatusCommand(ID, StatusChange.ACTIVATE, T0))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void anAdministratorActivatesAnUnconfirmedAccount() {
        fixture.given(provisioned(AccountStatus.NEEDS_CONFIRMATION), new ActivationRequestedEvent(ID, T0))
                .when(new ChangeAccountStatusCommand(ID, StatusChange.ACTIVATE, T0.plusSeconds(60)))
                .expectEvents(new AccountStatusChangedEvent(ID, AccountStatus.ACTIVE, AccountStatus.NEEDS_CONFIRMATION,
                        T0.plusSeconds(60)));
    }

    @Test
    void theProvisionedEventHoldsSnilsInnDocumentAndContactsOnlySealedUnderThePersonsKey() {
        // provisionsAnAccountFromIdentityProviderData shows the aggregate records exactly this event.
        AccountProvisionedEvent event = provisioned(AccountStatus.ACTIVE);
        assertThat(event.snilsKey()).isEqualTo(SUBJECT);
        assertThat(List.of(event.person().snils(), event.person().inn(), event.person().email(),
                event.person().mobile(), event.person().identityDocument().number(),
                event.person().identityDocument().series(), event.person().identityDocument().issueDate(),
                event.person().identityDocument().issuedBy(), event.person().identityDocument().issuerCode()))
                .allSatisfy(value -> assertThat(value).startsWith("pd1:"));
        assertThat(event.person().lastName()).isEqualTo("Иванова");
        assertThat(TestVaults.vault().open(SUBJECT, event.person())).hasValue(PERSON);
    }

    @Test
    void anErasureIsRecordedOncePerMessage() {
        fixture.given(provisioned(AccountStatus.ACTIVE))
                .when(new ErasePersonalDataCommand(ID, "erasure-1", T0))
                .expectEvents(new AccountPersonalDataErasedEvent(ID, "erasure-1", T0));
        fixture.given(provisioned(AccountStatus.ACTIVE), new AccountPersonalDataErasedEvent(ID, "erasure-1", T0))
                .when(new ErasePersonalDataCommand(ID, "erasure-1", T0.plusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLoginAfterErasureRecordsTheSameContactsAfreshUnderTheNewKey() {
        cipher.encrypt(SUBJECT, PERSON.email()); // the key of generation 1 that sealed the provisioning
        cipher.shred(SUBJECT);
        cipher.reinstate(SUBJECT);
        fixture.given(provisioned(AccountStatus.ACTIVE), new AccountPersonalDataErasedEvent(ID, "erasure-1", T0))
                .when(new ReportContactsCommand(ID, "c1", "ivanova@frmr.test", "+79990000001", T0))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", null))
                .expectEvents(new ContactChangeConfirmedEvent(ID, null, ContactConfirmation.NONE_HELD,
                        sealed(2, "ivanova@frmr.test"), sealed(2, "+79990000001"), T0, SUBJECT));
    }

    @Test
    void anEMailStoredPlainBeforeSealingIsComparedAsPlain() {
        AccountProvisionedEvent legacy = new AccountProvisionedEvent(ID, OID, new SealedPersonData(
                "Иванова", "Мария", null, LocalDate.of(1985, 4, 12), null, "11223344595", "ivanova@frmr.test", null,
                null, null, null), WORKER_ID, AccountStatus.ACTIVE, T0, SUBJECT, true);
        fixture.given(legacy)
                .when(new ReportContactsCommand(ID, "c1", "ivanova@frmr.test", null, T0))
                .expectResultMessagePayload(new ContactReport("ivanova@frmr.test", null))
                .expectNoEvents();
    }
}
