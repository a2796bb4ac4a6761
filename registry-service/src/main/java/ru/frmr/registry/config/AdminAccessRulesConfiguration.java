package ru.frmr.registry.config;

import static ru.frmr.kit.security.PlatformAccess.anyRole;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.kit.security.AuthorizationRules;
import ru.frmr.kit.security.Roles;

/** The administrators' activation queue: registry administrators only (they activate accounts in auth-service). */
@Configuration(proxyBeanMethods = false)
class AdminAccessRulesConfiguration {

    @Bean
    AuthorizationRules activationQueueAccessRules() {
        return requests -> requests
                .requestMatchers("/api/registry/admin/activation-requests/**")
                .access(anyRole(Roles.REGISTRY_ADMIN));
    }
}
