package ru.frmr.documents.config;

import static ru.frmr.kit.security.PlatformAccess.anyRole;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import ru.frmr.kit.security.AuthorizationRules;
import ru.frmr.kit.security.Roles;

/**
 * Who may call what, decided on the path before a body is read. A worker uploads files and requests справки
 * for themself only ({@code /me}); who else may read a file is decided per file by its handler (its owner, and
 * those its purpose names: the registry administrators moderating the change it is attached to, the HR officers
 * of the organisation a link request goes to). Registry administrators work the postal queue. Verification of a
 * справка is public (the service's {@code frmr.security.public-paths}). Anything not listed still needs a valid
 * token (the kit's rule).
 */
@Configuration(proxyBeanMethods = false)
class AccessRulesConfiguration {

    @Bean
    AuthorizationRules documentsAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/documents/files")
                .access(anyRole(Roles.WORKER))
                .requestMatchers(HttpMethod.GET, "/api/documents/files/{documentId}")
                .authenticated()
                .requestMatchers("/api/documents/me/**")
                .access(anyRole(Roles.WORKER))
                .requestMatchers("/api/documents/admin/**")
                .access(anyRole(Roles.REGISTRY_ADMIN));
    }
}
