package ru.frmr.registry.config;

import static ru.frmr.kit.security.PlatformAccess.agencyWithScope;
import static ru.frmr.kit.security.PlatformAccess.anyOf;
import static ru.frmr.kit.security.PlatformAccess.anyRole;
import static ru.frmr.kit.security.PlatformAccess.ownWorkerRecord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ru.frmr.kit.security.AuthorizationRules;
import ru.frmr.kit.security.Roles;

/**
 * Who may touch a worker's record. Records normally arrive through ESIA provisioning; registering one by
 * hand is an administrator's correction. A worker sees and edits only their own record; administrators
 * and supervisory agencies may read any (a regional authority: those employed in its region) and look workers up; an
 * agency's machine client reads one with the scope {@code registry.read}. An employer's HR officer may only find a person by
 * СНИЛС and birth date (to send them a link request), not read their record. Changes of the professional record
 * are submitted by the worker alone and decided by registry administrators only, who alone may also erase a
 * worker's personal data.
 * Anything not listed still needs a valid token (the kit's rule).
 */
@Configuration(proxyBeanMethods = false)
class AccessRulesConfiguration {

    /** The scope an agency's machine client needs to open a worker's record (with a purpose, within its region). */
    static final String REGISTRY_READ = "registry.read";

    @Bean
    AuthorizationRules registryAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/registry/workers")
                .access(anyRole(Roles.REGISTRY_ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/registry/workers")
                .access(anyRole(Roles.REGISTRY_ADMIN, Roles.SUPERVISOR))
                .requestMatchers(HttpMethod.POST, "/api/registry/workers/lookup")
                .access(anyRole(Roles.EMPLOYER_HR))
                .requestMatchers(HttpMethod.GET, "/api/registry/workers/{id}")
                .access(anyOf(ownWorkerRecord("id"), anyRole(Roles.REGISTRY_ADMIN, Roles.SUPERVISOR),
                        agencyWithScope(REGISTRY_READ)))
                .requestMatchers(HttpMethod.PUT, "/api/registry/workers/{id}/contacts")
                .access(ownWorkerRecord("id"))
                .requestMatchers(HttpMethod.POST, "/api/registry/workers/{id}/changes")
                .access(ownWorkerRecord("id"))
                .requestMatchers(HttpMethod.GET, "/api/registry/workers/{id}/changes", "/api/registry/workers/{id}/journal")
                .access(anyOf(ownWorkerRecord("id"), anyRole(Roles.REGISTRY_ADMIN)))
                .requestMatchers("/api/registry/moderation/**")
                .access(anyRole(Roles.REGISTRY_ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/registry/workers/{id}/changes/{changeId}/approve",
                        "/api/registry/workers/{id}/changes/{changeId}/reject")
                .access(anyRole(Roles.REGISTRY_ADMIN))
                .requestMatchers(HttpMethod.DELETE, "/api/registry/workers/{id}/personal-data")
                .access(anyRole(Roles.REGISTRY_ADMIN));
    }
}
