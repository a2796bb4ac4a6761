package ru.frmr.auth.login;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.config.AuthProperties;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.OrganisationRole;

/**
 * Platform roles of a person: REGISTRY_ADMIN, SUPERVISOR and AUDITOR are granted by ESIA oid in
 * configuration; EMPLOYER_HR comes from an active ESIA organisation role (the organisation's oid becomes
 * {@code org_id}); everyone else is a WORKER, whose {@code worker_id} is the registry number the registry announces
 * for the account ({@code WorkerLinks}): nothing here computes it.
 */
@Component
public class RoleResolver {

    private final Map<PlatformRole, List<String>> grants;
    private final Set<PlatformRole> secondFactorRoles;

    RoleResolver(AuthProperties properties) {
        this.grants = properties.roleGrants();
        this.secondFactorRoles = properties.secondFactor().requiredRoles();
    }

    public SessionClaims resolve(IdentifiedPerson person) {
        List<PlatformRole> roles = granted(person.subject());
        // ESIA lets a person act for several organisations; without an organisation choice at login the
        // first active one (by oid, so the choice is stable) is the one they act for.
        String orgId = person.organisations().stream().filter(OrganisationRole::active)
                .map(OrganisationRole::oid).min(Comparator.naturalOrder()).orElse(null);
        if (orgId != null) {
            roles.add(PlatformRole.EMPLOYER_HR);
        }
        if (roles.isEmpty()) {
            return new SessionClaims(List.of(PlatformRole.WORKER), null, null);
        }
        return new SessionClaims(roles, null, orgId);
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
}
