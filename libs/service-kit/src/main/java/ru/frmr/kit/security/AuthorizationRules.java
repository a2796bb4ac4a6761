package ru.frmr.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The extension point through which a service states who may call what. Declare one bean per service
 * (several are applied in {@code @Order}); the kit applies them after opening actuator probes and metrics,
 * {@code /error} and {@code frmr.security.public-paths}, and before its closing rule, which requires a
 * valid token for everything else. A service without rules therefore serves nothing anonymously.
 *
 * <p>Rules match on method and path, and can compare path variables with the caller's claims through
 * {@link PlatformAccess}, so ownership is decided before the request body is even read.
 */
@FunctionalInterface
public interface AuthorizationRules {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
