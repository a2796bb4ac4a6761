package ru.frmr.notification.webhook;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import ru.frmr.kit.security.AuthorizationRules;
import ru.frmr.kit.security.Roles;

/**
 * Who manages webhooks: an AGENCY client whose token carries the scope {@code webhooks.manage} (its own agency's,
 * from the token's {@code agency_id}, which it must carry), or a REGISTRY_ADMIN (any agency's). The scope is read from the token's
 * {@code scope} claim or a {@code SCOPE_} authority, whichever the security kit provides. The platform's signing
 * key is public ({@code frmr.security.public-paths}).
 */
@Configuration(proxyBeanMethods = false)
class WebhookAccess {

    static final String SCOPE = "webhooks.manage";
    static final String AGENCY_ID_CLAIM = "agency_id";
    /** {@code ag-} and 12 lower-case base32 characters. */
    static final Pattern AGENCY_ID = Pattern.compile("ag-[a-z2-7]{12}");

    @Bean
    @Order(10)
    AuthorizationRules webhookAccessRules() {
        return requests -> requests
                .requestMatchers("/api/notifications/webhooks", "/api/notifications/webhooks/**")
                .access((authentication, context) -> new AuthorizationDecision(mayManage(authentication.get())));
    }

    static boolean mayManage(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return hasAuthority(authentication, "ROLE_" + Roles.REGISTRY_ADMIN)
                || (hasAuthority(authentication, "ROLE_" + Roles.AGENCY) && hasScope(authentication)
                && agencyOf(authentication).isPresent());
    }

    /** The calling agency on this request thread; empty for a registry administrator. */
    static Optional<String> callingAgency() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && hasAuthority(authentication, "ROLE_" + Roles.REGISTRY_ADMIN)) {
            return Optional.empty();
        }
        // The access rule let only agencies with a well-formed agency_id through.
        return Optional.of(agencyOf(authentication).orElseThrow(() -> new IllegalStateException(
                "a webhook call passed the access rule without an agency")));
    }

    private static Optional<String> agencyOf(Authentication authentication) {
        return authentication == null ? Optional.empty() : jwt(authentication)
                .map(jwt -> jwt.getClaimAsString(AGENCY_ID_CLAIM)).filter(id -> AGENCY_ID.matcher(id).matches());
    }

    private static boolean hasScope(Authentication authentication) {
        if (hasAuthority(authentication, "SCOPE_" + SCOPE)) {
            return true;
        }
        return jwt(authentication).map(jwt -> jwt.getClaimAsString("scope"))
                .map(scope -> Arrays.asList(scope.split(" ")).contains(SCOPE)).orElse(false);
    }

    private static Optional<Jwt> jwt(Authentication authentication) {
        return authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                && token.getToken() instanceof Jwt jwt ? Optional.of(jwt) : Optional.empty();
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
