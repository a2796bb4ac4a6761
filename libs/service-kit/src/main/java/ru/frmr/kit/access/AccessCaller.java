package ru.frmr.kit.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import ru.frmr.contracts.access.AccessActor;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.kit.security.Roles;

/**
 * Who reads another person's data, as the access token says: the role the read is allowed by and, for
 * supervisory callers, their agency and its scope.
 *
 * @param accountId    {@code sub} of a person's token; null for a machine client
 * @param clientId     {@code client_id} of an agency's machine client; null for a person
 * @param role         the caller's role that reading others' data goes by (see {@link #ROLE_ORDER})
 * @param agencyId     {@code agency_id}, or null
 * @param agencyKind   {@code agency_kind}, or null
 * @param agencyRegion {@code agency_region}: set only for a regional health authority
 * @param orgId        {@code org_id} of an HR officer, or null
 */
public record AccessCaller(String accountId, String clientId, String role, String agencyId, String agencyKind,
                           String agencyRegion, String orgId) {

    public static final String CLIENT_ID_CLAIM = "client_id";
    public static final String AGENCY_ID_CLAIM = "agency_id";
    public static final String AGENCY_KIND_CLAIM = "agency_kind";
    public static final String AGENCY_REGION_CLAIM = "agency_region";
    public static final String REGIONAL_HEALTH_AUTHORITY = "REGIONAL_HEALTH_AUTHORITY";

    /** When a token holds several roles, the first of these it holds is the one a read of others' data goes by. */
    static final List<String> ROLE_ORDER = List.of(Roles.AGENCY, Roles.SUPERVISOR, Roles.REGISTRY_ADMIN,
            Roles.AUDITOR, Roles.SUPPORT, Roles.EMPLOYER_HR);

    /** The roles that must state why they open one person's data (the others have a fixed purpose). */
    static final Set<String> STATE_PURPOSE = Set.of(Roles.AGENCY, Roles.SUPERVISOR, Roles.REGISTRY_ADMIN,
            Roles.AUDITOR);

    /** The caller of the request this thread serves; empty without a token or without a role that reads others. */
    public static Optional<AccessCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)
                || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return Optional.empty();
        }
        Optional<String> role = ROLE_ORDER.stream().filter(user::hasRole).findFirst();
        if (role.isEmpty()) {
            return Optional.empty();
        }
        var claims = token.getTokenAttributes();
        String clientId = string(claims.get(CLIENT_ID_CLAIM));
        return Optional.of(new AccessCaller(clientId == null ? user.accountId() : null, clientId, role.get(),
                string(claims.get(AGENCY_ID_CLAIM)), string(claims.get(AGENCY_KIND_CLAIM)),
                string(claims.get(AGENCY_REGION_CLAIM)), user.orgId()));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** Whether this caller must state a purpose before opening one person's data. */
    public boolean mustStatePurpose() {
        return STATE_PURPOSE.contains(role);
    }

    /** A supervisory caller whose scope is the workers employed in one region ({@link #agencyRegion}). */
    public boolean regional() {
        return (Roles.SUPERVISOR.equals(role) || Roles.AGENCY.equals(role))
                && REGIONAL_HEALTH_AUTHORITY.equals(agencyKind);
    }

    /**
     * A supervisory caller (SUPERVISOR, AGENCY) whose token names no agency kind: a supervisor whose agency is not
     * (or no longer) in the agency registry. It may open nobody's data, rather than everybody's.
     */
    public boolean supervisoryWithoutAgency() {
        return (Roles.SUPERVISOR.equals(role) || Roles.AGENCY.equals(role)) && agencyKind == null;
    }

    AccessActor actor() {
        return new AccessActor(accountId, clientId, role, agencyId, Roles.EMPLOYER_HR.equals(role) ? orgId : null);
    }
}
