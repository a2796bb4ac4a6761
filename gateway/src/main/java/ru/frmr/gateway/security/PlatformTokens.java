package ru.frmr.gateway.security;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.JWTProcessor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import ru.frmr.gateway.config.EdgeSecurityProperties;
import ru.frmr.rules.token.CoolingDownKeySet;
import ru.frmr.rules.token.HttpKeySetFetcher;
import ru.frmr.rules.token.PlatformTokenRules;
import ru.frmr.rules.token.TokenClaims;
import ru.frmr.rules.token.TokenPolicy;

/**
 * Spring's reactive decoder applying the platform's token rules ({@link PlatformTokenRules}, the same the
 * services apply). A token is checked on the calling thread against the keys held; only one that makes the
 * key set due for a fetch (at most once per cool-down) is checked on a thread that may block.
 */
public final class PlatformTokens {

    private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

    private PlatformTokens() {
    }

    public static ReactiveJwtDecoder decoder(URI jwksUri, EdgeSecurityProperties properties, Clock clock) {
        // Bounded key fetches: a stalled auth-service must fail requests (401/5xx), not hang them.
        CoolingDownKeySet keys = new CoolingDownKeySet(new HttpKeySetFetcher(jwksUri, JWKS_TIMEOUT),
                properties.keySet().coolDown(), properties.keySet().maxAge(), clock);
        JWTProcessor<SecurityContext> rules = PlatformTokenRules.processor(keys,
                new TokenPolicy(properties.issuer(), properties.audience(), properties.clockSkew()), clock);
        NimbusReactiveJwtDecoder decoder = new NimbusReactiveJwtDecoder(token -> verify(token, rules, keys));
        // The rules checked every claim; Spring's default validator would only add a looser time window.
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return decoder;
    }

    private static Mono<JWTClaimsSet> verify(JWT token, JWTProcessor<SecurityContext> rules, CoolingDownKeySet keys) {
        Mono<JWTClaimsSet> verified = Mono.fromCallable(() -> process(token, rules));
        return token instanceof SignedJWT signed && keys.wouldFetch(signed.getHeader())
                ? verified.subscribeOn(Schedulers.boundedElastic()) : verified;
    }

    private static JWTClaimsSet process(JWT token, JWTProcessor<SecurityContext> rules) {
        try {
            return rules.process(token, null);
        } catch (BadJOSEException e) {
            throw new BadJwtException("The token breaks the platform's rules: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new JwtException("The token could not be verified: " + e.getMessage(), e);
        }
    }

    /** The account id ({@code sub}) as the principal's name, the roles as authorities. */
    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenClaims.ROLES);
        roles.setAuthorityPrefix(TokenClaims.ROLE_AUTHORITY_PREFIX);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
