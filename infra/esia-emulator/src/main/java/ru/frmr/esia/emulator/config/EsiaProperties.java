package ru.frmr.esia.emulator.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The emulator's settings under {@code esia.*}.
 *
 * <p>Clients and their URIs are bound as maps keyed by list index ({@code esia.clients[0].redirect-uris[1]}):
 * Spring takes a list whole from the highest-priority property source that mentions it, but merges maps, so
 * a test or a launcher can add a redirect URI on top of the defaults in {@code application.yml}.
 *
 * @param issuer             {@code iss} of the tokens, e.g. {@code http://127.0.0.1:8089/}
 * @param signingKey         PKCS#8 PEM of the GOST key that signs the tokens
 * @param signingCertificate PEM certificate of that key, which clients trust
 * @param codeTtl            lifetime of an authorization code
 * @param accessTokenTtl     lifetime of access and id tokens ({@code expires_in})
 * @param timestampTolerance how far a request's {@code timestamp} may be from the emulator's clock
 * @param maxAttempts        wrong passwords, or wrong one-time codes, before a login flow is ended
 */
@Validated
@ConfigurationProperties("esia")
public record EsiaProperties(
        @NotBlank String issuer,
        @NotNull Resource signingKey,
        @NotNull Resource signingCertificate,
        @NotEmpty Map<String, @Valid Client> clients,
        @DefaultValue("60s") Duration codeTtl,
        @DefaultValue("1h") Duration accessTokenTtl,
        @DefaultValue("5m") Duration timestampTolerance,
        @DefaultValue("3") @Positive int maxAttempts) {

    /**
     * A registered information system.
     *
     * @param certificate        PEM certificate whose key signs the client's {@code client_secret}
     * @param redirectUris       where authorization may return (exact match)
     * @param logoutRedirectUris where logout may return, besides the redirect URIs
     * @param scopes             the scopes the client may ask for
     */
    public record Client(
            @NotBlank String id,
            @NotNull Resource certificate,
            @NotEmpty Map<String, String> redirectUris,
            @DefaultValue Map<String, String> logoutRedirectUris,
            @NotEmpty List<String> scopes) {
    }
}
