package ru.frmr.auth.relay;

import ru.frmr.auth.client.MachineClientRegisteredEvent;
import ru.frmr.auth.client.MachineClientRevokedEvent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ru.frmr.auth.agency.AgencyEvents.AgencyKafkaCredentialsIssuedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyOnboardedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyRevokedEvent;
import ru.frmr.auth.api.AccountLockedEvent;
import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.AccountStatusChangedEvent;
import ru.frmr.auth.api.AccountUnlockedEvent;
import ru.frmr.auth.api.ActivationRequestedEvent;
import ru.frmr.auth.api.ContactChangeConfirmedEvent;
import ru.frmr.auth.api.ContactConfirmation;
import ru.frmr.auth.api.LoginFailedEvent;
import ru.frmr.auth.api.LoginSucceededEvent;
import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.RefreshTokenRotatedEvent;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.api.SessionEndedEvent;
import ru.frmr.auth.api.SessionOpenedEvent;
import ru.frmr.auth.privacy.FakePersonalDataCipher;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.privacy.TestVaults;
import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AgencyKind;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.contracts.auth.LoginSucceeded;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.auth.LoginMethod;

/** Producer-side contract test: every auth event conforms to its published schema; internals stay inside. */
@ExtendWith(OutputCaptureExtension.class)
class AuthEventMapperTest {

    private static final String ID = "3f0a3c1e-5d2b-3c4d-8e9f-000000000001";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final FakePersonalDataCipher CIPHER = new FakePersonalDataCipher();
    private static final PersonalDataVault VAULT = TestVaults.vault(CIPHER);
    private static final String SUBJECT = VAULT.subjectFor("11223344595");
    private static final String AGENCY = "ag-k3mbq2w7x4za";
    private static final String ADDRESS_HASH = "q3Jm0bX9-cT2vN5_hL8wAg";
    private final AuthEventMapper mapper = new AuthEventMapper(VAULT);

    static Stream<Object> relayed() {
        return relayed(SUBJECT);
    }

    static Stream<Object> relayed(String subject) {
        PersonData person = new PersonData("Иванова", "Мария", null, LocalDate.of(1985, 4, 12), "F", "11223344595",
                "ivanova@frmr.test", "+79990000001", "770112345695", "RUS", new IdentityDocument("RF_PASSPORT", "4505", "612345",
                LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001"));
        return Stream.of(
                new AccountProvisionedEvent(ID, "1000299654", VAULT.seal(subject, person), null,
                        AccountStatus.ACTIVE, AT, subject, true),
                new LoginSucceededEvent(ID, "s1", LoginMethod.QUALIFIED_SIGNATURE, AT, "Chrome, Windows", true),
                new LoginSucceededEvent(ID, "s2", LoginMethod.ESIA, AT, null, false),
                new ContactChangeConfirmedEvent(ID, "c1", ContactConfirmation.PREVIOUS_EMAIL,
                        VAULT.seal(subject, "new@frmr.test"), VAULT.seal(subject, "+79990000099"), AT, subject),
                new ContactChangeConfirmedEvent(ID, null, ContactConfirmation.NONE_HELD, null,
                        VAULT.seal(subject, "+79990000099"), AT, subject),
                new LoginFailedEvent(ID, "SECOND_FACTOR", AT, ADDRESS_HASH),
                new LoginFailedEvent(ID, "LOCKED", AT, null),
                new AccountLockedEvent(ID, AT.plusSeconds(900), AT),
                new AccountUnlockedEvent(ID, AT),
                new SessionEndedEvent("s1", ID, SessionEndReason.REFRESH_TOKEN_REUSE, AT),
                new AccountStatusChangedEvent(ID, AccountStatus.BLOCKED, AccountStatus.ACTIVE, AT),
                new ActivationRequestedEvent(ID, AT));
    }

    @ParameterizedTest
    @MethodSource("relayed")
    void conformsToItsSchemaAndIsKeyedByAccount(Object domainEvent) {
        IntegrationEvent event = mapper.map(domainEvent, AT).orElseThrow();
        assertThat(ContractSchemas.violations(event)).isEmpty();
        assertThat(event.subject()).isEqualTo(ID);
    }

    static Stream<Object> agencyEvents() {
        return Stream.of(
                new AgencyOnboardedEvent(AGENCY, "Росздравнадзор", AgencyKind.ROSZDRAVNADZOR, null,
                        "agency-k3mbq2w7x4za", AT),
                new AgencyOnboardedEvent(AGENCY, "Минздрав Московской области", AgencyKind.REGIONAL_HEALTH_AUTHORITY,
                        "50", "agency-k3mbq2w7x4za", AT),
                new AgencyKafkaCredentialsIssuedEvent(AGENCY, "agency-k3mbq2w7x4za", AT),
                new AgencyRevokedEvent(AGENCY, AT));
    }

    @ParameterizedTest
    @MethodSource("agencyEvents")
    void agencyEventsConformToTheirSchemasAndAreKeyedByAgency(Object domainEvent) {
        IntegrationEvent event = mapper.map(domainEvent, AT).orElseThrow();
        assertThat(ContractSchemas.violations(event)).isEmpty();
        assertThat(event.subject()).isEqualTo(AGENCY);
    }

    @Test
    void machineClientsAreToldKeyedByClientIdAndConformToTheirSchemas() {
        IntegrationEvent registered = mapper.map(new MachineClientRegisteredEvent("cl-abcdefghijklmnop",
                "ag-abcdefghijkl", List.of("registry.read")), AT).orElseThrow();
        IntegrationEvent revoked = mapper.map(new MachineClientRevokedEvent("cl-abcdefghijklmnop",
                "ag-abcdefghijkl"), AT).orElseThrow();

        assertThat(ContractSchemas.violations(registered)).isEmpty();
        assertThat(ContractSchemas.violations(revoked)).isEmpty();
        assertThat(registered.subject()).isEqualTo("cl-abcdefghijklmnop");
        assertThat(revoked.subject()).isEqualTo("cl-abcdefghijklmnop");
    }

    @Test
    void sessionInternalsAreNotPublished() {
        SessionClaims claims = new SessionClaims(List.of(PlatformRole.WORKER), null, null);
        assertThat(mapper.map(new SessionOpenedEvent("s1", ID, LoginMethod.ESIA, claims, "a".repeat(64), "UA",
                "127.0.0.1", AT), AT)).isEmpty();
        assertThat(mapper.map(new RefreshTokenRotatedEvent("s1", ID, "b".repeat(64), AT), AT)).isEmpty();
    }

    @Test
    void onlyProvisioningAndContactChangesCarryPersonalData() {
        relayed().filter(e -> !(e instanceof AccountProvisionedEvent)).forEach(e -> assertThat(new String(
                ContractJson.toBytes(mapper.map(e, AT).orElseThrow()))).doesNotContain("11223344595")
                .doesNotContain("Иванова").doesNotContain("770112345695").doesNotContain("612345"));
        relayed().filter(e -> !(e instanceof AccountProvisionedEvent || e instanceof ContactChangeConfirmedEvent))
                .forEach(e -> assertThat(new String(ContractJson.toBytes(mapper.map(e, AT).orElseThrow())))
                        .doesNotContain("@frmr.test").doesNotContain("+7999"));
    }

    @Test
    void aLoginNamesItsDeviceAndWhetherTheAccountKnewIt() {
        assertThat(mapper.map(new LoginSucceededEvent(ID, "s1", LoginMethod.ESIA, AT, "Firefox, Linux", true), AT))
                .hasValue(new LoginSucceeded(ID, "s1", LoginMethod.ESIA, AT, "Firefox, Linux", true));
        // Stored before devices were recorded (the upcaster's reading of revision 1).
        assertThat(mapper.map(new LoginSucceededEvent(ID, "s0", LoginMethod.ESIA, AT, null, false), AT))
                .hasValue(new LoginSucceeded(ID, "s0", LoginMethod.ESIA, AT, null, false));
    }

    @Test
    void aFailedLoginNamesTheAddressByItsHashOnly() {
        assertThat(mapper.map(new LoginFailedEvent(ID, "SECOND_FACTOR", AT, ADDRESS_HASH), AT))
                .hasValue(new LoginFailed(ID, "SECOND_FACTOR", AT, ADDRESS_HASH));
        // Stored before addresses were hashed (the upcaster's reading of revision 1).
        assertThat(mapper.map(new LoginFailedEvent(ID, "LOCKED", AT, null), AT))
                .hasValue(new LoginFailed(ID, "LOCKED", AT, null));
    }

    @Test
    void aConfirmedContactChangeTellsTheNewContactsOpened() {
        assertThat(mapper.map(new ContactChangeConfirmedEvent(ID, "c1", ContactConfirmation.ADMINISTRATOR,
                VAULT.seal(SUBJECT, "new@frmr.test"), VAULT.seal(SUBJECT, "+79990000099"), AT, SUBJECT), AT))
                .hasValue(new AccountContactsChanged(ID, "new@frmr.test", "+79990000099", AT));
        assertThat(mapper.map(new ContactChangeConfirmedEvent(ID, null, ContactConfirmation.NONE_HELD,
                VAULT.seal(SUBJECT, "adopted@frmr.test"), null, AT, SUBJECT), AT))
                .hasValue(new AccountContactsChanged(ID, "adopted@frmr.test", null, AT));
    }

    @Test
    void theContactsOfAPersonErasedBeforeTheRelayGotThereAreNotPublishedNorLogged(CapturedOutput output) {
        String erased = VAULT.subjectFor("33333333334");
        ContactChangeConfirmedEvent change = new ContactChangeConfirmedEvent(ID, "c1",
                ContactConfirmation.PREVIOUS_EMAIL, VAULT.seal(erased, "petrov.new@frmr.test"),
                VAULT.seal(erased, "+79990000077"), AT, erased);
        CIPHER.shred(erased);

        assertThat(mapper.map(change, AT)).isEmpty();
        assertThat(output.getAll()).contains("not published").contains(ID)
                .doesNotContain("petrov.new@frmr.test").doesNotContain("+79990000077");
    }

    @Test
    void aContactChangeStoredBeforeItNamedItsKeyIsNotPublished() {
        // What the upcaster makes of a revision-1 event: the values, but not the subject that opens them.
        assertThat(mapper.map(new ContactChangeConfirmedEvent(ID, "c1", ContactConfirmation.PREVIOUS_EMAIL,
                VAULT.seal(SUBJECT, "new@frmr.test"), null, AT, null), AT)).isEmpty();
    }

    @Test
    void provisioningCarriesTheInnCitizenshipAndIdentityDocumentForTheRegistry() {
        AccountProvisioned event = (AccountProvisioned) relayed().filter(AccountProvisionedEvent.class::isInstance)
                .map(e -> mapper.map(e, AT).orElseThrow()).findFirst().orElseThrow();
        assertThat(event.inn()).isEqualTo("770112345695");
        assertThat(event.citizenship()).isEqualTo("RUS");
        assertThat(event.identityDocument()).isEqualTo(new ru.frmr.contracts.auth.IdentityDocument("RF_PASSPORT",
                "4505", "612345", LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001"));
        assertThat(event.toString()).doesNotContain("770112345695").doesNotContain("612345");
    }

    @Test
    void theRelayOpensTheSealedDataForTheRegistry() {
        AccountProvisioned event = (AccountProvisioned) relayed().filter(AccountProvisionedEvent.class::isInstance)
                .map(e -> mapper.map(e, AT).orElseThrow()).findFirst().orElseThrow();
        assertThat(event.snils()).isEqualTo("11223344595");
        assertThat(event.email()).isEqualTo("ivanova@frmr.test");
        assertThat(event.lastName()).isEqualTo("Иванова");
    }

    @Test
    void aProvisioningWhosePersonWasErasedIsNotPublished() {
        String erased = VAULT.subjectFor("12345678964");
        Object provisioned = relayed(erased).filter(AccountProvisionedEvent.class::isInstance).findFirst()
                .orElseThrow();
        CIPHER.shred(erased);

        assertThat(mapper.map(provisioned, AT)).isEmpty();
    }
}
