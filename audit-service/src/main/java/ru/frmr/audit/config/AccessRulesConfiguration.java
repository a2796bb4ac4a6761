package ru.frmr.audit.config;

import static ru.frmr.kit.security.PlatformAccess.anyRole;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.kit.security.AuthorizationRules;
import ru.frmr.kit.security.Roles;

/**
 * The ledger names who did what to whom: only auditors, supervisory agencies and administrators read it. A worker
 * reads who saw their own data; alerts are for auditors and administrators.
 */
@Configuration(proxyBeanMethods = false)
class AccessRulesConfiguration {

    @Bean
    AuthorizationRules auditAccessRules() {
        return requests -> requests
                .requestMatchers("/api/audit/me/**").access(anyRole(Roles.WORKER))
                .requestMatchers("/api/audit/alerts/**", "/api/audit/alerts").access(anyRole(Roles.AUDITOR,
                        Roles.REGISTRY_ADMIN))
                .requestMatchers("/api/audit/**")
                .access(anyRole(Roles.AUDITOR, Roles.SUPERVISOR, Roles.REGISTRY_ADMIN));
    }
}
