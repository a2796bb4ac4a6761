package ru.frmr.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.AuthPropertiesMother;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.employer.EmployerOrganizations;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.OrganisationRole;

class RoleResolverTest {

    private static final String ACCOUNT = "acc-1";
    /** ОГРН of medical organisations the employer-service announced, and of a company it does not know. */
    private static final String POLYCLINIC_OGRN = "1027700543210";
    private static final String HOSPITAL_OGRN = "1025035520146";
    private static final String COMPANY_OGRN = "1157746123457";

    private final EmployerOrganizations organizations = mock(EmployerOrganizations.class);
    private final RoleResolver roles = new RoleResolver(AuthPropertiesMother.defaults(), organizations);

    @BeforeEach
    void knownOrganisations() {
        when(organizations.organizationWithOgrn(anyString())).thenReturn(Optional.empty());
        when(organizations.organizationWithOgrn(POLYCLINIC_OGRN)).thenReturn(Optional.of("gp-1-moscow"));
        when(organizations.organizationWithOgrn(HOSPITAL_OGRN)).thenReturn(Optional.of("podolsk-gkb"));
    }

    private static IdentifiedPerson person(String oid, List<OrganisationRole> organisations) {
        return new IdentifiedPerson(oid, "Фамилия", "Имя", null, LocalDate.of(1980, 1, 1), "M", "11223344595", null,
                null, true, organisations);
    }

    private static OrganisationRole member(String oid, String ogrn, boolean chief, boolean admin, boolean active) {
        return new OrganisationRole(oid, "Организация", ogrn, chief, admin, active);
    }

    @Test
    void everyoneElseIsAWorkerWhoseRegistryNumberTheRegistryAnnounces() {
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299654", List.of()));
        assertThat(claims.roles()).containsExactly(PlatformRole.WORKER);
        assertThat(claims.workerId()).as("never computed here").isNull();
        assertThat(claims.lacksWorkerId()).isTrue();
        assertThat(claims.withWorkerId("w-1").lacksWorkerId()).isFalse();
        assertThat(roles.needsSecondFactor(claims)).isFalse();
    }

    @Test
    void theChiefOfAKnownMedicalOrganisationIsItsHrAndKeepsTheWorkerSide() {
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299656", List.of(
                member("5000001", POLYCLINIC_OGRN, true, false, true))));
        assertThat(claims.roles()).containsExactly(PlatformRole.WORKER, PlatformRole.EMPLOYER_HR);
        assertThat(claims.orgId()).as("the employer-service's id, not the ESIA oid").isEqualTo("gp-1-moscow");
        assertThat(claims.orgBasis()).isEqualTo("CHIEF");
        assertThat(claims.lacksWorkerId()).as("the registry number comes as for any worker").isTrue();
        assertThat(claims.withWorkerId("w-7")).isEqualTo(new SessionClaims(
                List.of(PlatformRole.WORKER, PlatformRole.EMPLOYER_HR), "w-7", "gp-1-moscow", "CHIEF"));
        assertThat(roles.needsSecondFactor(claims)).isTrue();
    }

    @Test
    void anAdministratorOfAKnownMedicalOrganisationIsItsHr() {
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299660", List.of(
                member("5000002", HOSPITAL_OGRN, false, true, true))));
        assertThat(claims.roles()).containsExactly(PlatformRole.WORKER, PlatformRole.EMPLOYER_HR);
        assertThat(claims.orgId()).isEqualTo("podolsk-gkb");
        assertThat(claims.orgBasis()).isEqualTo("ADMIN");
    }

    @Test
    void anOrdinaryMemberIsHrOnlyByTheChiefsGrantToTheirAccount() {
        IdentifiedPerson petrov = person("1000299655", List.of(member("5000001", POLYCLINIC_OGRN, false, false,
                true)));
        assertThat(roles.resolve(ACCOUNT, petrov)).isEqualTo(new SessionClaims(List.of(PlatformRole.WORKER), null,
                null, null));

        when(organizations.holdsHrRight("gp-1-moscow", "another-account")).thenReturn(true);
        assertThat(roles.resolve(ACCOUNT, petrov).roles()).as("a grant names one account")
                .containsExactly(PlatformRole.WORKER);

        when(organizations.holdsHrRight("gp-1-moscow", ACCOUNT)).thenReturn(true);
        SessionClaims granted = roles.resolve(ACCOUNT, petrov);
        assertThat(granted.roles()).containsExactly(PlatformRole.WORKER, PlatformRole.EMPLOYER_HR);
        assertThat(granted.orgId()).isEqualTo("gp-1-moscow");
        assertThat(granted.orgBasis()).isEqualTo("GRANTED");
        assertThat(granted.hrByGrant()).isTrue();
        assertThat(granted.withoutEmployerHr()).isEqualTo(new SessionClaims(List.of(PlatformRole.WORKER), null, null));
    }

    @Test
    void theChiefOrAdministratorOfAnOrganisationTheEmployerServiceDoesNotKnowIsJustAWorker() {
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299661", List.of(
                member("5000003", COMPANY_OGRN, true, true, true))));
        assertThat(claims).isEqualTo(new SessionClaims(List.of(PlatformRole.WORKER), null, null, null));
        assertThat(roles.needsSecondFactor(claims)).isFalse();
    }

    @Test
    void anOrdinaryEmployeeOfANonMedicalCompanyIsJustAWorkerEvenWithAGrantElsewhere() {
        when(organizations.holdsHrRight(anyString(), anyString())).thenReturn(true);
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299661", List.of(
                member("5000003", COMPANY_OGRN, false, false, true))));
        assertThat(claims.roles()).containsExactly(PlatformRole.WORKER);
        assertThat(claims.orgId()).isNull();
    }

    @Test
    void anInactiveRoleOrOneWithoutOgrnCountsForNothing() {
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299656", List.of(
                member("5000001", POLYCLINIC_OGRN, true, true, false),
                member("5000009", null, true, true, true))));
        assertThat(claims).isEqualTo(new SessionClaims(List.of(PlatformRole.WORKER), null, null, null));
    }

    @Test
    void ofSeveralOrganisationsTheFirstByOidThatMakesThemHrIsTheOneTheyActFor() {
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299656", List.of(
                member("5000002", HOSPITAL_OGRN, false, true, true),
                member("5000001", POLYCLINIC_OGRN, false, false, true),
                member("4000000", COMPANY_OGRN, true, false, true))));
        assertThat(claims.orgId()).as("5000001 is first but grants nothing").isEqualTo("podolsk-gkb");
        assertThat(claims.orgBasis()).isEqualTo("ADMIN");
    }

    @Test
    void grantedRolesComeFromConfigurationByOid() {
        assertThat(roles.resolve(ACCOUNT, person("1000299657", List.of())).roles())
                .containsExactly(PlatformRole.REGISTRY_ADMIN);
        assertThat(roles.resolve(ACCOUNT, person("1000299658", List.of())).roles())
                .containsExactly(PlatformRole.SUPERVISOR);
        assertThat(roles.resolve(ACCOUNT, person("1000299659", List.of())).roles())
                .containsExactly(PlatformRole.AUDITOR);
        assertThat(roles.resolve(ACCOUNT, person("1000299662", List.of())).roles())
                .containsExactly(PlatformRole.SUPPORT);
    }

    @Test
    void supportStaffReadPeoplesRequestsSoTheyNeedTheSecondFactor() {
        assertThat(roles.needsSecondFactor(roles.resolve(ACCOUNT, person("1000299662", List.of())))).isTrue();
        assertThat(roles.needsSecondFactor(roles.resolve(ACCOUNT, person("1000299654", List.of())))).isFalse();
    }

    @Test
    void anAdministratorWhoIsAlsoAChiefIsHrButNoWorker() {
        SessionClaims claims = roles.resolve(ACCOUNT, person("1000299657", List.of(
                member("5000001", POLYCLINIC_OGRN, true, false, true))));
        assertThat(claims.roles()).containsExactly(PlatformRole.EMPLOYER_HR, PlatformRole.REGISTRY_ADMIN);
        assertThat(claims.orgBasis()).isEqualTo("CHIEF");
    }

    @Test
    void aSignatureLoginGetsNoOrganisationRole() {
        assertThat(roles.resolveWithoutOrganisations("1000299654", "w-1"))
                .isEqualTo(new SessionClaims(List.of(PlatformRole.WORKER), "w-1", null));
        assertThat(roles.resolveWithoutOrganisations("1000299656", null).roles()).isEmpty();
        assertThat(roles.resolveWithoutOrganisations("1000299657", null).roles())
                .containsExactly(PlatformRole.REGISTRY_ADMIN);
    }
}
