package ru.frmr.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.auth.AuthPropertiesMother;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.OrganisationRole;

class RoleResolverTest {

    private final RoleResolver roles = new RoleResolver(AuthPropertiesMother.defaults());

    private static IdentifiedPerson person(String oid, List<OrganisationRole> organisations) {
        return new IdentifiedPerson(oid, "Фамилия", "Имя", null, LocalDate.of(1980, 1, 1), "M", "11223344595", null,
                null, true, organisations);
    }

    @Test
    void everyoneElseIsAWorkerWhoseRegistryNumberTheRegistryAnnounces() {
        SessionClaims claims = roles.resolve(person("1000299654", List.of()));
        assertThat(claims.roles()).containsExactly(PlatformRole.WORKER);
        assertThat(claims.workerId()).as("never computed here").isNull();
        assertThat(claims.lacksWorkerId()).isTrue();
        assertThat(claims.withWorkerId("w-1").lacksWorkerId()).isFalse();
        assertThat(roles.needsSecondFactor(claims)).isFalse();
    }

    @Test
    void anActiveOrganisationRoleMakesAnEmployerHrOfThatOrganisation() {
        SessionClaims claims = roles.resolve(person("1000299656", List.of(
                new OrganisationRole("5000009", "Закрытая", null, false, false, false),
                new OrganisationRole("5000001", "Поликлиника", "1027700000001", false, false, true))));
        assertThat(claims.roles()).containsExactly(PlatformRole.EMPLOYER_HR);
        assertThat(claims.orgId()).isEqualTo("5000001");
        assertThat(claims.workerId()).isNull();
        assertThat(roles.needsSecondFactor(claims)).isTrue();
    }

    @Test
    void grantedRolesComeFromConfigurationByOid() {
        assertThat(roles.resolve(person("1000299657", List.of())).roles()).containsExactly(PlatformRole.REGISTRY_ADMIN);
        assertThat(roles.resolve(person("1000299658", List.of())).roles()).containsExactly(PlatformRole.SUPERVISOR);
        assertThat(roles.resolve(person("1000299659", List.of())).roles()).containsExactly(PlatformRole.AUDITOR);
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
