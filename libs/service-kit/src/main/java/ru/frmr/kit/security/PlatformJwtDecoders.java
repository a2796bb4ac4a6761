package ru.frmr.kit.security;

import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import ru.frmr.rules.token.CoolingDownKeySet;
import ru.frmr.rules.token.HttpKeySetFetcher;
import ru.frmr.rules.token.PlatformTokenRules;

/**
 * Spring's servlet decoder applying the platform's token rules ({@link PlatformTokenRules}, shared with the
 * gateway): the rules' processor checks signature and claims, so Spring's own validators are switched off
 * rather than checking a second, looser time window.
 */
public final class PlatformJwtDecoders {

    private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

    private PlatformJwtDecoders() {
    }

    /** Keys from the JWKS endpoint, fetched at most once per {@code frmr.security.key-set.cool-down}. */
    public static JwtDecoder fromJwks(PlatformSecurityProperties properties, Clock clock) {
        // Bounded key fetches: a stalled auth-service must fail requests, not hang them.
        CoolingDownKeySet keys = new CoolingDownKeySet(new HttpKeySetFetcher(properties.jwksUri(), JWKS_TIMEOUT),
                properties.keySet().coolDown(), properties.keySet().maxAge(), clock);
        return fromKeys(keys, properties, clock);
    }

    /** For a service (auth-service) that holds the keys itself. */
    public static JwtDecoder fromKeys(JWKSource<SecurityContext> keys, PlatformSecurityProperties properties,
                                      Clock clock) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(
                PlatformTokenRules.processor(keys, properties.tokenPolicy(), clock));
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return decoder;
    }
}
