package ru.frmr.employer.config;

import static ru.frmr.kit.security.PlatformAccess.anyOf;
import static ru.frmr.kit.security.PlatformAccess.anyRole;
import static ru.frmr.kit.security.PlatformAccess.organizationChief;
import static ru.frmr.kit.security.PlatformAccess.ownOrganization;
import static ru.frmr.kit.security.PlatformAccess.ownWorkerRecord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ru.frmr.kit.security.AuthorizationRules;
import ru.frmr.kit.security.Roles;

/**
 * Who may call what, decided on the path before a body is read. An HR officer acts only within the organisation
 * their token's {@code org_id} names, and only its chief grants the HR right there; a worker acts only under
 * {@code /me} or their own {@code workerId}; registry administrators keep the list of medical organisations;
 * supervisors see escalated discrepancies. Anything not listed still needs a valid token (the kit's rule), and
 * handlers check what a path cannot say (that an employment or a discrepancy belongs to the organisation named).
 */
@Configuration(proxyBeanMethods = false)
class AccessRulesConfiguration {

    private static final String ORGANIZATION = "/api/employer/organizations/{orgId}";

    @Bean
    AuthorizationRules employerAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/employer/organizations")
                .access(anyRole(Roles.REGISTRY_ADMIN))
                .requestMatchers(HttpMethod.PUT, ORGANIZATION)
                .access(anyRole(Roles.REGISTRY_ADMIN))
                .requestMatchers(HttpMethod.GET, ORGANIZATION)
                .authenticated()
                .requestMatchers(ORGANIZATION + "/hr-rights", ORGANIZATION + "/hr-rights/{accountId}")
                .access(organizationChief("orgId"))
                .requestMatchers(HttpMethod.POST,
                        ORGANIZATION + "/workers/{workerId}/link-requests/{requestId}/accept",
                        ORGANIZATION + "/workers/{workerId}/link-requests/{requestId}/decline")
                .access(anyOf(ownOrganization("orgId"), ownWorkerRecord("workerId")))
                .requestMatchers(ORGANIZATION + "/**")
                .access(ownOrganization("orgId"))
                .requestMatchers("/api/employer/me/**")
                .access(anyRole(Roles.WORKER))
                .requestMatchers("/api/employer/supervision/**")
                .access(anyRole(Roles.SUPERVISOR));
    }
}
