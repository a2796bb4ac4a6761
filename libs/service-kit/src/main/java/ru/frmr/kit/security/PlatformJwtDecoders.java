package ru.frmr.kit.security;

import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The platform's token rules in one place: ES256 only (so {@code alg=none}, HMAC and RSA tokens fail
 * before any key is looked at), our issuer, our audience, a subject, and an expiry within the clock skew.
 */
public final class PlatformJwtDecoders {

    private static final java.time.Duration JWKS_TIMEOUT = java.time.Duration.ofSeconds(5);

    private PlatformJwtDecoders() {
    }

    /** Keys from the JWKS endpoint, fetched on first use and again when an unknown {@code kid} appears. */
    public static JwtDecoder fromJwks(PlatformSecurityProperties properties) {
        // Bounded key fetches: a stalled auth-service must fail requests, not hang them.
        SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
        http.setConnectTimeout(JWKS_TIMEOUT);
        http.setReadTimeout(JWKS_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .restOperations(new RestTemplate(http))
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** The claim checks, for a service (auth-service) that builds its decoder from keys it holds itself. */
    public static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
        // Spring's timestamp check lets a token without exp pass; a token that never expires must not.
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>(JwtClaimNames.SUB,
                sub -> sub != null && !sub.isBlank());
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()), expires,
                new JwtIssuerValidator(properties.issuer()), audience, subject);
    }
}
