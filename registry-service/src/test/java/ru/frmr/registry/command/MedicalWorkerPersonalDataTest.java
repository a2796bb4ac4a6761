package ru.frmr.registry.command;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.command.BusinessRuleMatchers.namingField;

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
import org.junit.jupiter.params.provider.ValueSource;

import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.ErasePersonalDataCommand;
import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.api.SealedIdentityDocument;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.SubmitProfileChangeCommand;
import ru.frmr.registry.api.UpdateContactsCommand;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.privacy.PersonalDataVault;
import ru.frmr.registry.privacy.TestCipher;
import ru.frmr.registry.reference.ReferenceDictionaries;

/** The worker's personal data in the record: checked in plain text, stored sealed, erased by shredding the key. */
class MedicalWorkerPersonalDataTest {

    private static final String ID = "8c1f2c4e-1111-3a2b-9c3d-000000000002";
    private static final LocalDate BIRTH = LocalDate.of(1985, 4, 12);
    private static final String INN = "770112345695";
    private static final IdentityDocument PASSPORT = new IdentityDocument(IdentityDocument.RF_PASSPORT, "4505",
            "612345", LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001");
    private static final String ADMIN = "account:admin-1";
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final TestCipher cipher = new TestCipher();
    private FixtureConfiguration<MedicalWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalWorker.class);
        fixture.registerInjectableResource(new ReferenceDictionaries());
        fixture.registerInjectableResource(new PersonalDataVault(cipher));
    }

    private static String sealed(String plaintext) {
        return TestCipher.sealed(ID, plaintext);
    }

    private static RegisterWorkerCommand register(String gender, String citizenship, String inn,
                                                  IdentityDocument document) {
        return new RegisterWorkerCommand(ID, "Иванова", "Мария", "Петровна", BIRTH, "112-233-445 95",
                "ivanova@frmr.test", "+79990000001", gender, citizenship, inn, document);
    }

    private static WorkerRegisteredEvent registeredFromEsia() {
        return new WorkerRegisteredEvent(ID, "Иванова", "Мария", "Петровна", BIRTH, "F", "RUS",
                new SealedPersonalData(sealed("11223344595"), sealed(INN), new SealedIdentityDocument(
                        IdentityDocument.RF_PASSPORT, sealed("4505"), sealed("612345"), sealed("2005-04-20"),
                        sealed("ГУ МВД России по г. Москве"), sealed("770-001")),
                        sealed("ivanova@frmr.test"), sealed("+79990000001")));
    }

    /** Revision 1 stored, upcast: plain values where revision 2 has tokens. */
    private static WorkerRegisteredEvent legacyRegistered() {
        return new WorkerRegisteredEvent(ID, "Иванова", "Мария", "Петровна", BIRTH, null, null,
                new SealedPersonalData("11223344595", null, null, "ivanova@frmr.test", "+79990000001"));
    }

    private static PersonalDataErasedEvent erased() {
        return new PersonalDataErasedEvent(ID, "Заявление работника об удалении персональных данных", ADMIN, NOW);
    }

    private static ErasePersonalDataCommand erase(String reason) {
        return new ErasePersonalDataCommand(ID, reason, ADMIN, NOW);
    }

    @Test
    void registersTheEsiaPersonalDataSealedUnderTheWorkersOwnKey() {
        fixture.givenNoPriorActivity()
                .when(register("F", "RUS", INN, PASSPORT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registeredFromEsia());
    }

    @Test
    void aForeignIdentityDocumentNeedsNoPassportNumberForm() {
        IdentityDocument foreign = new IdentityDocument("FID_DOC", null, "AB 1234567", null, null, null);
        fixture.givenNoPriorActivity()
                .when(register("M", "BLR", null, foreign))
                .expectSuccessfulHandlerExecution();
    }

    static Stream<Arguments> personalDataBreakingTheRules() {
        return Stream.of(
                Arguments.of("inn", register(null, null, "770112345696", null)),
                Arguments.of("inn", register(null, null, "770112345685", null)),
                Arguments.of("inn", register(null, null, "7701123456", null)),
                Arguments.of("inn", register(null, null, "77011234569X", null)),
                Arguments.of("gender", register("X", null, null, null)),
                Arguments.of("citizenship", register(null, "ru", null, null)),
                Arguments.of("identityDocument.type", register(null, null, null, withType("паспорт"))),
                Arguments.of("identityDocument.series", register(null, null, null,
                        new IdentityDocument("RF_PASSPORT", "45O5", "612345", null, null, null))),
                Arguments.of("identityDocument.number", register(null, null, null,
                        new IdentityDocument("RF_PASSPORT", "4505", "61234", null, null, null))),
                Arguments.of("identityDocument.number", register(null, null, null,
                        new IdentityDocument("FID_DOC", null, "<script>", null, null, null))),
                Arguments.of("identityDocument.issueDate", register(null, null, null,
                        new IdentityDocument("RF_PASSPORT", "4505", "612345", BIRTH.minusDays(1), null, null))),
                Arguments.of("identityDocument.issuedBy", register(null, null, null,
                        new IdentityDocument("RF_PASSPORT", "4505", "612345", null, "<b>МВД</b>", null))),
                Arguments.of("identityDocument.issuedBy", register(null, null, null,
                        new IdentityDocument("RF_PASSPORT", "4505", "612345", null, "М".repeat(301), null))),
                Arguments.of("identityDocument.issuerCode", register(null, null, null,
                        new IdentityDocument("RF_PASSPORT", "4505", "612345", null, null, "770001"))));
    }

    private static IdentityDocument withType(String type) {
        return new IdentityDocument(type, "4505", "612345", null, null, null);
    }

    @ParameterizedTest
    @MethodSource("personalDataBreakingTheRules")
    void personalDataBreakingTheRulesAreRejectedNamingTheField(String field, RegisterWorkerCommand command) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(namingField(field))
                .expectNoEvents();
    }

    @Test
    void contactsAreComparedInPlainTextSoTheSameContactsChangeNothing() {
        fixture.given(registeredFromEsia())
                .when(new UpdateContactsCommand(ID, "ivanova@frmr.test", "+79990000001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void newContactsAreSealed() {
        fixture.given(registeredFromEsia())
                .when(new UpdateContactsCommand(ID, "ivanova@clinic.example.ru", null))
                .expectEvents(new ContactsUpdatedEvent(ID, sealed("ivanova@clinic.example.ru"), null, 2));
    }

    @Test
    void aLegacyPlainTextRegistrationStillComparesAndGetsSealedContacts() {
        fixture.given(legacyRegistered())
                .when(new UpdateContactsCommand(ID, "ivanova@frmr.test", "+79990000001"))
                .expectNoEvents();
        fixture.given(legacyRegistered(), new ContactsUpdatedEvent(ID, "old@example.ru", null, 2))
                .when(new UpdateContactsCommand(ID, "new@example.ru", null))
                .expectEvents(new ContactsUpdatedEvent(ID, sealed("new@example.ru"), null, 3));
    }

    @Test
    void erasureShredsTheKeyAndRecordsWhoWhenAndWhy() {
        fixture.given(registeredFromEsia())
                .when(erase("  Заявление работника об удалении персональных данных "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(erased());
        assertThat(cipher.isShredded(ID)).isTrue();
    }

    @Test
    void aRepeatedErasureChangesNothing() {
        fixture.given(registeredFromEsia(), erased())
                .when(erase("Повторное распоряжение"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "<script>alert(1)</script>", "Паспорт 4505 612345 недействителен",
            "СНИЛС 112-233-445 95", "по письму ivanova@frmr.test", "звонок с +79990000001", "ИНН 770112345695"})
    void anErasureReasonMustBePlainTextWithoutPersonalDataAndNothingIsShreddedOtherwise(String reason) {
        fixture.given(registeredFromEsia())
                .when(erase(reason))
                .expectException(namingField("reason"))
                .expectNoEvents();
        assertThat(cipher.isShredded(ID)).isFalse();
    }

    @Test
    void anOverlongErasureReasonIsRejected() {
        fixture.given(registeredFromEsia())
                .when(erase("а".repeat(501)))
                .expectException(namingField("reason"))
                .expectNoEvents();
    }

    @Test
    void contactsCannotBeRecordedAfterErasure() {
        fixture.given(registeredFromEsia(), erased())
                .when(new UpdateContactsCommand(ID, "new@example.ru", null))
                .expectException(namingField("email"))
                .expectNoEvents();
    }

    @Test
    void theProfessionalRecordGoesOnAfterErasure() {
        CertificateEntry certificate = new CertificateEntry("0177", "180012345", LocalDate.of(2021, 5, 20),
                LocalDate.of(2026, 5, 20), "31.08.36");
        fixture.given(registeredFromEsia(), erased())
                .when(new SubmitProfileChangeCommand(ID, "c-1", ChangeKind.ADD, "e-1", certificate,
                        "account:worker-1", NOW))
                .expectEvents(new ProfileChangeSubmittedEvent(ID, "c-1", ChangeKind.ADD, RecordSection.CERTIFICATES,
                        "e-1", certificate, "account:worker-1", NOW));
    }
}
