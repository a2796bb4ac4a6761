package ru.frmr.kit.security;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

import ru.frmr.rules.token.TokenClaims;

/**
 * A request authenticated by a platform access token: the principal is a {@link CurrentUser}, and each
 * entry of {@code roles} is the authority {@code ROLE_<name>}, so {@code hasRole("WORKER")} works.
 */
public class PlatformAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final CurrentUser user;

    PlatformAuthentication(Jwt jwt, CurrentUser user) {
        super(jwt, user, jwt, user.roles().stream().sorted()
                .map(r -> new SimpleGrantedAuthority(TokenClaims.ROLE_AUTHORITY_PREFIX + r)).toList());
        this.user = user;
        setAuthenticated(true);
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
