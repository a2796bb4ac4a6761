package ru.frmr.kit.security;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Access decisions that {@link AuthorizationRules} combine. */
public final class PlatformAccess {

    private PlatformAccess() {
    }

    /** Any of these roles. */
    public static AuthorizationManager<RequestAuthorizationContext> anyRole(String... roles) {
        return AuthorityAuthorizationManager.hasAnyRole(roles);
    }

    /** A WORKER whose {@code worker_id} is the value of the path variable {@code variable}. */
    public static AuthorizationManager<RequestAuthorizationContext> ownWorkerRecord(String variable) {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() != null
                        && authentication.get().getPrincipal() instanceof CurrentUser user
                        && user.isWorker(context.getVariables().get(variable)));
    }

    /** An EMPLOYER_HR whose {@code org_id} is the value of the path variable {@code variable}. */
    public static AuthorizationManager<RequestAuthorizationContext> ownOrganization(String variable) {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() != null
                        && authentication.get().getPrincipal() instanceof CurrentUser user
                        && user.isHrOf(context.getVariables().get(variable)));
    }

    /** The chief of the organisation named by the path variable {@code variable} (see {@link CurrentUser#isChiefOf}). */
    public static AuthorizationManager<RequestAuthorizationContext> organizationChief(String variable) {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() != null
                        && authentication.get().getPrincipal() instanceof CurrentUser user
                        && user.isChiefOf(context.getVariables().get(variable)));
    }

    /** An agency's machine client (role AGENCY) whose token was granted {@code scope}. */
    public static AuthorizationManager<RequestAuthorizationContext> agencyWithScope(String scope) {
        return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(Roles.AGENCY),
                AuthorityAuthorizationManager.hasAuthority("SCOPE_" + scope));
    }

    /** Granted when any of them grants. */
    @SafeVarargs
    public static AuthorizationManager<RequestAuthorizationContext> anyOf(
            AuthorizationManager<RequestAuthorizationContext>... managers) {
        return AuthorizationManagers.anyOf(managers);
    }
}
