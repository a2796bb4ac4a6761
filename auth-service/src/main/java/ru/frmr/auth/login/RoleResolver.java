package ru.frmr.auth.login;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.config.AuthProperties;
import ru.frmr.auth.employer.EmployerOrganizations;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.OrganisationRole;

/**
 * Platform roles of a person: REGISTRY_ADMIN, SUPERVISOR, AUDITOR and SUPPORT are granted by ESIA oid in
 * configuration; everyone else is a WORKER, whose {@code worker_id} is the registry number the registry announces
 * for the account ({@code WorkerLinks}): nothing here computes it.
 *
 * <p>EMPLOYER_HR, in addition: only for an active ESIA organisation role in an organisation the employer-service
 * knows as a medical organisation (matched by ОГРН, {@link EmployerOrganizations}), and only where ESIA marks the
 * person as its chief ({@code org_basis} CHIEF) or administrator (ADMIN), or where the chief has granted this account
 * the HR right (GRANTED). {@code org_id} is then the employer-service's organisation id. A member of any other
 * organisation is a plain WORKER; an HR officer keeps the WORKER side (their own record) too.
 */
@Component
public class RoleResolver {

    private final Map<PlatformRole, List<String>> grants;
    private final Set<PlatformRole> secondFactorRoles;
    private final EmployerOrganizations organizations;

    RoleResolver(AuthProperties properties, EmployerOrganizations organizations) {
        this.grants = properties.roleGrants();
        this.secondFactorRoles = properties.secondFactor().requiredRoles();
        this.organizations = organizations;
    }

    /** @param accountId the person's login account, which the chief's grants name */
    public SessionClaims resolve(String accountId, IdentifiedPerson person) {
        List<PlatformRole> roles = granted(person.subject());
        if (roles.isEmpty()) {
            roles.add(PlatformRole.WORKER);
        }
        // ESIA lets a person act for several organisations; without an organisation choice at login the first one
        // (by oid, so the choice is stable) that makes them HR is the one they act for.
        Optional<Employer> employer = person.organisations().stream()
                .filter(OrganisationRole::active)
                .sorted(Comparator.comparing(OrganisationRole::oid))
                .map(role -> employer(accountId, role))
                .flatMap(Optional::stream)
                .findFirst();
        if (employer.isEmpty()) {
            return new SessionClaims(roles, null, null);
        }
        roles.add(PlatformRole.EMPLOYER_HR);
        roles.sort(Comparator.naturalOrder());
        return new SessionClaims(roles, null, employer.get().organizationId(), employer.get().basis());
    }

    /**
     * Roles for a login that did not go through ESIA (qualified signature): organisation roles cannot be
     * confirmed, so only the granted roles and, for a worker account, WORKER.
     *
     * @param workerId the account's worker id, null for accounts that are not workers'
     */
    public SessionClaims resolveWithoutOrganisations(String esiaOid, String workerId) {
        List<PlatformRole> roles = granted(esiaOid);
        if (roles.isEmpty() && workerId != null) {
            return new SessionClaims(List.of(PlatformRole.WORKER), workerId, null);
        }
        return new SessionClaims(roles, null, null);
    }

    public boolean needsSecondFactor(SessionClaims claims) {
        return claims.roles().stream().anyMatch(secondFactorRoles::contains);
    }

    private Optional<Employer> employer(String accountId, OrganisationRole role) {
        return organizations.organizationWithOgrn(role.ogrn()).flatMap(organizationId -> {
            if (role.chief()) {
                return Optional.of(new Employer(organizationId, SessionClaims.CHIEF));
            }
            if (role.admin()) {
                return Optional.of(new Employer(organizationId, SessionClaims.ADMIN));
            }
            return organizations.holdsHrRight(organizationId, accountId)
                    ? Optional.of(new Employer(organizationId, SessionClaims.GRANTED)) : Optional.empty();
        });
    }

    private List<PlatformRole> granted(String oid) {
        List<PlatformRole> roles = new ArrayList<>();
        grants.forEach((role, oids) -> {
            if (oids != null && oids.contains(oid)) {
                roles.add(role);
            }
        });
        roles.sort(Comparator.naturalOrder());
        return roles;
    }

    private record Employer(String organizationId, String basis) {
    }
}
