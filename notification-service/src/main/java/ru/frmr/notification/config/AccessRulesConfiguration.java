package ru.frmr.notification.config;

import static ru.frmr.kit.security.PlatformAccess.anyRole;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ru.frmr.kit.security.AuthorizationRules;
import ru.frmr.kit.security.Roles;

/**
 * Who may call what, decided on the path before a body is read. Everyone signed in has an inbox, preferences and
 * support requests of their own ({@code /me}, by the token's account); the SUPPORT role works the queue; registry
 * administrators (the platform's operators) see failed notices and retry them. Filing a support request without
 * logging in is public ({@code frmr.security.public-paths}), with its own rate limit. Anything not listed still needs
 * a valid token (the kit's rule).
 */
@Configuration(proxyBeanMethods = false)
class AccessRulesConfiguration {

    @Bean
    AuthorizationRules notificationAccessRules() {
        return requests -> requests
                .requestMatchers("/api/notifications/me/**")
                .authenticated()
                .requestMatchers("/api/notifications/admin/**")
                .access(anyRole(Roles.REGISTRY_ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/support/requests")
                .authenticated()
                .requestMatchers("/api/support/me/**")
                .authenticated()
                .requestMatchers("/api/support/admin/**")
                .access(anyRole(Roles.SUPPORT));
    }
}
