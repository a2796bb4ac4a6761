package ru.frmr.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.netty.channel.ChannelOption;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import ru.frmr.gateway.config.EdgeSecurityProperties;

/**
 * The platform's access-token rules as the gateway applies them; the services apply the same ones again
 * (service-kit {@code PlatformJwtDecoders}), which a reactive gateway cannot share with servlet code.
 */
public final class PlatformTokens {

    /** The claim holding the caller's roles; each becomes the authority {@code ROLE_<name>}. */
    public static final String ROLES = "roles";

    private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

    private PlatformTokens() {
    }

    /**
     * ES256 only (so {@code alg=none}, HMAC and RSA tokens fail before any key is looked at), our issuer,
     * our audience, a subject, and an expiry within the clock skew. Keys are fetched on first use and again
     * when an unknown {@code kid} appears, which is how a rotated key is picked up.
     */
    public static ReactiveJwtDecoder decoder(URI jwksUri, EdgeSecurityProperties properties) {
        // Bounded key fetches: a stalled auth-service must fail requests (401/5xx), not hang them.
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWKS_TIMEOUT.toMillis())
                .responseTimeout(JWKS_TIMEOUT);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri.toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
                .build();
        // Spring's timestamp check lets a token without exp pass; a token that never expires must not.
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>(JwtClaimNames.SUB,
                sub -> sub != null && !sub.isBlank());
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()), expires,
                new JwtIssuerValidator(properties.issuer()), audience, subject));
        return decoder;
    }

    /** The account id ({@code sub}) as the principal's name, the roles as authorities. */
    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authentication() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
