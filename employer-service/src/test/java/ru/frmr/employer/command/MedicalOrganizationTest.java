package ru.frmr.employer.command;

import static ru.frmr.employer.command.OrganizationMother.polyclinic;
import static ru.frmr.employer.command.OrganizationMother.withName;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.frmr.employer.api.CorrectMedicalOrganizationCommand;
import ru.frmr.employer.api.CorrectionResult;
import ru.frmr.employer.api.GrantHrRightCommand;
import ru.frmr.employer.api.HrRightGrantedEvent;
import ru.frmr.employer.api.HrRightRevokedEvent;
import ru.frmr.employer.api.MedicalOrganizationCorrectedEvent;
import ru.frmr.employer.api.MedicalOrganizationRegisteredEvent;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.employer.api.RegisterMedicalOrganizationCommand;
import ru.frmr.employer.api.RevokeHrRightCommand;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;

class MedicalOrganizationTest {

    private static final String ORG = "gp-7";
    private static final String ADMIN = "acc-admin";
    private static final String CHIEF = "acc-chief";
    private static final String CLERK = "acc-clerk";
    private static final Instant T0 = Instant.parse("2026-02-19T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-20T09:00:00Z");

    private AggregateTestFixture<MedicalOrganization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MedicalOrganization.class);
    }

    private static MedicalOrganizationRegisteredEvent registered() {
        return new MedicalOrganizationRegisteredEvent(ORG, polyclinic(), 1, ADMIN, T0);
    }

    @Test
    void anAdministratorRegistersAnOrganisationAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMedicalOrganizationCommand(ORG, polyclinic(), ADMIN, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void blanksAroundTheFieldsAreNotKept() {
        OrganizationDetails p = polyclinic();
        OrganizationDetails padded = new OrganizationDetails(" " + p.name() + " ", p.ogrn() + " ", " " + p.inn(),
                p.kpp(), p.frmoId(), p.regionCode(), p.address() + "\t");
        fixture.givenNoPriorActivity()
                .when(new RegisterMedicalOrganizationCommand(ORG, padded, ADMIN, T0))
                .expectEvents(registered());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "name|''",
            "ogrn|1027700132194",
            "ogrn|102770013219",
            "inn|7707083894",
            "inn|770708389",
            "kpp|77360100",
            "kpp|7736ab001",
            "frmoId|1.2.643.5.1.13.13.12.3.77.7830",
            "frmoId|1.2.643.5.1.13.13.12.2.50.7830",
            "regionCode|99",
            "address|''"})
    void aCardThatBreaksARuleIsRefusedNamingTheField(String field, String value) {
        fixture.givenNoPriorActivity()
                .when(new RegisterMedicalOrganizationCommand(ORG, with(polyclinic(), field, value), ADMIN, T0))
                .expectNoEvents()
                .expectException(BusinessRuleException.class)
                .expectException(namingField(field));
    }

    @Test
    void overlongNamesAndAddressesAndControlCharactersAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMedicalOrganizationCommand(ORG, withName(polyclinic(), "Б".repeat(301)), ADMIN, T0))
                .expectException(namingField("name"));
        fixture.givenNoPriorActivity()
                .when(new RegisterMedicalOrganizationCommand(ORG, with(polyclinic(), "address", "а".repeat(501)),
                        ADMIN, T0))
                .expectException(namingField("address"));
        fixture.givenNoPriorActivity()
                .when(new RegisterMedicalOrganizationCommand(ORG, withName(polyclinic(), "ГБУЗ\u0000№ 7"), ADMIN, T0))
                .expectException(namingField("name"));
    }

    @Test
    void anIdOutsideThePatternIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMedicalOrganizationCommand("org/../x", polyclinic(), ADMIN, T0))
                .expectNoEvents()
                .expectException(namingField("organizationId"));
    }

    @Test
    void aCorrectionRecordsTheWholeCardAtTheNextVersion() {
        OrganizationDetails renamed = withName(polyclinic(), "ГБУЗ «Городская поликлиника № 7 ДЗМ»");
        fixture.given(registered())
                .when(new CorrectMedicalOrganizationCommand(ORG, renamed, 1, ADMIN, T1))
                .expectResultMessagePayload(new CorrectionResult(2, polyclinic().ogrn()))
                .expectEvents(new MedicalOrganizationCorrectedEvent(ORG, renamed, 2, ADMIN, T1));
    }

    @Test
    void aCorrectionOfAStaleVersionIsAConflict() {
        OrganizationDetails renamed = withName(polyclinic(), "Новое имя");
        fixture.given(registered(), new MedicalOrganizationCorrectedEvent(ORG, renamed, 2, ADMIN, T1))
                .when(new CorrectMedicalOrganizationCommand(ORG, polyclinic(), 1, ADMIN, T1))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void aCorrectionThatChangesNothingRecordsNothing() {
        fixture.given(registered())
                .when(new CorrectMedicalOrganizationCommand(ORG, polyclinic(), 1, ADMIN, T1))
                .expectResultMessagePayload(new CorrectionResult(1, polyclinic().ogrn()))
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsCheckedByTheSameRules() {
        fixture.given(registered())
                .when(new CorrectMedicalOrganizationCommand(ORG, with(polyclinic(), "inn", "7707083890"), 1, ADMIN,
                        T1))
                .expectNoEvents()
                .expectException(namingField("inn"));
    }

    @Test
    void theChiefGrantsTheHrRightOnce() {
        fixture.given(registered())
                .when(new GrantHrRightCommand(ORG, CLERK, CHIEF, T1))
                .expectEvents(new HrRightGrantedEvent(ORG, CLERK, 1, CHIEF, T1));
        fixture.given(registered(), new HrRightGrantedEvent(ORG, CLERK, 1, CHIEF, T0))
                .when(new GrantHrRightCommand(ORG, CLERK, CHIEF, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRevocationCountsOnFromTheGrants() {
        fixture.given(registered(), new HrRightGrantedEvent(ORG, CLERK, 1, CHIEF, T0),
                        new HrRightGrantedEvent(ORG, "acc-other", 2, CHIEF, T0))
                .when(new RevokeHrRightCommand(ORG, CLERK, CHIEF, T1))
                .expectEvents(new HrRightRevokedEvent(ORG, CLERK, 3, CHIEF, T1));
    }

    @Test
    void revokingARightNobodyHoldsRecordsNothing() {
        fixture.given(registered())
                .when(new RevokeHrRightCommand(ORG, CLERK, CHIEF, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered(), new HrRightGrantedEvent(ORG, CLERK, 1, CHIEF, T0),
                        new HrRightRevokedEvent(ORG, CLERK, 2, CHIEF, T0))
                .when(new RevokeHrRightCommand(ORG, CLERK, CHIEF, T1))
                .expectNoEvents();
    }

    @Test
    void aRevokedRightCanBeGrantedAgain() {
        fixture.given(registered(), new HrRightGrantedEvent(ORG, CLERK, 1, CHIEF, T0),
                        new HrRightRevokedEvent(ORG, CLERK, 2, CHIEF, T0))
                .when(new GrantHrRightCommand(ORG, CLERK, CHIEF, T1))
                .expectEvents(new HrRightGrantedEvent(ORG, CLERK, 3, CHIEF, T1));
    }

    @Test
    void anAccountIdOutsideThePatternIsRefused() {
        fixture.given(registered())
                .when(new GrantHrRightCommand(ORG, "acc 1", CHIEF, T1))
                .expectNoEvents()
                .expectException(namingField("accountId"));
    }

    private static OrganizationDetails with(OrganizationDetails d, String field, String value) {
        return new OrganizationDetails(
                field.equals("name") ? value : d.name(),
                field.equals("ogrn") ? value : d.ogrn(),
                field.equals("inn") ? value : d.inn(),
                field.equals("kpp") ? value : d.kpp(),
                field.equals("frmoId") ? value : d.frmoId(),
                field.equals("regionCode") ? value : d.regionCode(),
                field.equals("address") ? value : d.address());
    }

    private static Matcher<Exception> namingField(String field) {
        return new CustomTypeSafeMatcher<>("an exception naming " + field) {
            @Override
            protected boolean matchesSafely(Exception e) {
                return e instanceof BusinessRuleException rule && field.equals(rule.field());
            }
        };
    }
}
