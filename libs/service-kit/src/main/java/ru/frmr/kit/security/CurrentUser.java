package ru.frmr.kit.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import ru.frmr.rules.token.TokenClaims;

/**
 * Who sent the request, as the access token says. Controllers take it as
 * {@code @AuthenticationPrincipal CurrentUser user}; other code on the request thread uses {@link #current()}.
 *
 * @param accountId {@code sub}
 * @param sessionId {@code sid}
 * @param workerId  {@code worker_id}: the caller's registry record, or null
 * @param orgId     {@code org_id}: the organisation an EMPLOYER_HR acts for, or null
 * @param orgBasis  {@code org_basis}: CHIEF, ADMIN or GRANTED, why they act for it; null without {@code org_id}
 */
public record CurrentUser(String accountId, String sessionId, Set<String> roles, String workerId, String orgId,
                          String orgBasis) {

    /** What ESIA calls the head of an organisation, as {@code org_basis} carries it. */
    public static final String CHIEF = "CHIEF";

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    static CurrentUser of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(TokenClaims.SESSION_ID), roles == null
                ? Set.of() : Set.copyOf(roles), jwt.getClaimAsString(TokenClaims.WORKER_ID),
                jwt.getClaimAsString(TokenClaims.ORG_ID), jwt.getClaimAsString(TokenClaims.ORG_BASIS));
    }

    /** The caller of the request this thread is serving; empty outside a request or without a token. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user) : Optional.empty();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A worker acting on their own record. */
    public boolean isWorker(String workerRecordId) {
        return hasRole(Roles.WORKER) && workerId != null && workerId.equals(workerRecordId);
    }

    /** An HR officer acting for this organisation. */
    public boolean isHrOf(String organizationId) {
        return hasRole(Roles.EMPLOYER_HR) && orgId != null && orgId.equals(organizationId);
    }

    /** The chief of this organisation, who alone grants and revokes the HR right in it. */
    public boolean isChiefOf(String organizationId) {
        return isHrOf(organizationId) && CHIEF.equals(orgBasis);
    }
}
