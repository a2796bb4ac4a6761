package ru.frmr.kit.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import ru.frmr.rules.token.TokenClaims;

/**
 * A request authenticated by a platform access token: the principal is a {@link CurrentUser}, each entry of
 * {@code roles} is the authority {@code ROLE_<name>}, so {@code hasRole("WORKER")} works, and each entry of a machine
 * client's {@code scope} the authority {@code SCOPE_<scope>}.
 */
public class PlatformAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final CurrentUser user;

    PlatformAuthentication(Jwt jwt, CurrentUser user) {
        super(jwt, user, jwt, authorities(jwt, user));
        this.user = user;
        setAuthenticated(true);
    }

    /**
     * {@code ROLE_<role>} for each role and, for a machine client's token, {@code SCOPE_<scope>} for each granted
     * scope, so that a rule can ask for both: {@code hasRole('AGENCY')} and {@code hasAuthority('SCOPE_registry.read')}.
     */
    private static List<SimpleGrantedAuthority> authorities(Jwt jwt, CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        user.roles().stream().sorted()
                .forEach(r -> authorities.add(new SimpleGrantedAuthority(TokenClaims.ROLE_AUTHORITY_PREFIX + r)));
        String scope = jwt.getClaimAsString(TokenClaims.SCOPE);
        if (scope != null) {
            Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).distinct().sorted()
                    .forEach(s -> authorities.add(new SimpleGrantedAuthority(TokenClaims.SCOPE_AUTHORITY_PREFIX + s)));
        }
        return authorities;
    }

    static PlatformAuthentication of(Jwt jwt) {
        return new PlatformAuthentication(jwt, CurrentUser.of(jwt));
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return user.accountId();
    }

    /** For logs and audits: the account, never the token. */
    @Override
    public String toString() {
        return "PlatformAuthentication[account=" + user.accountId() + ", roles=" + List.copyOf(user.roles()) + "]";
    }
}
