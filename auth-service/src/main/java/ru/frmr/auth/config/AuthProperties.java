package ru.frmr.auth.config;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import ru.frmr.auth.api.PlatformRole;

/**
 * Tunables of logins, sessions and tokens ({@code frmr.auth.*}).
 *
 * @param portalUrl      where the browser goes once a session is open, and after logout
 * @param accessTokenTtl lifetime of the platform's access JWT: also the bound on how long a revoked
 *                       session's access tokens keep working
 * @param loginStateTtl  how long a started login (its {@code state}) and a pending second factor stay usable
 * @param roleGrants     platform roles given by ESIA oid (REGISTRY_ADMIN, SUPERVISOR, AUDITOR, SUPPORT)
 */
@Validated
@ConfigurationProperties("frmr.auth")
public record AuthProperties(@NotNull URI portalUrl, @NotNull Duration accessTokenTtl, @NotNull Duration loginStateTtl,
                             @Valid @NotNull Sessions sessions, @Valid @NotNull Lockout lockout,
                             @Valid @NotNull OneTimeCode oneTimeCode, @Valid @NotNull SecondFactor secondFactor,
                             Map<PlatformRole, List<String>> roleGrants, @Valid @NotNull Cookies cookies,
                             @Valid @NotNull SigningKeys signingKeys) {

    public AuthProperties {
        roleGrants = roleGrants == null ? Map.of() : Map.copyOf(roleGrants);
    }

    /**
     * @param idleTimeout      a session whose refresh token is not used for this long ends
     * @param absoluteLifetime a session ends this long after login, however active
     * @param maxPerAccount    concurrent sessions; a login beyond it ends the oldest
     */
    public record Sessions(@NotNull Duration idleTimeout, @NotNull Duration absoluteLifetime,
                           @Min(1) int maxPerAccount) {
    }

    /** @param maxFailures wrong one-time codes in a row that lock the account for {@code duration} */
    public record Lockout(@Min(1) int maxFailures, @NotNull Duration duration) {
    }

    /**
     * @param pepper keys the hash under which codes are stored, so a leaked collection does not yield
     *               codes by trying all million
     */
    public record OneTimeCode(@NotNull Duration ttl, @NotBlank String pepper, @NotBlank String mailFrom) {
    }

    /** @param requiredRoles a login with any of these roles needs a one-time code as well */
    public record SecondFactor(Set<PlatformRole> requiredRoles) {

        public SecondFactor {
            requiredRoles = requiredRoles == null || requiredRoles.isEmpty()
                    ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredRoles));
        }
    }

    /** @param secure the {@code Secure} attribute; off only for plain-HTTP local runs */
    public record Cookies(boolean secure) {
    }

    /**
     * @param rotationInterval how long one key signs before the next takes over
     * @param publishLead      how long a new key is published in the JWKS before it signs: longer than any
     *                         verifier caches the JWKS
     * @param encryptionKey    wraps the private keys stored in Mongo (AES-256-GCM key, base64)
     */
    public record SigningKeys(@NotNull Duration rotationInterval, @NotNull Duration publishLead,
                              @NotBlank String encryptionKey) {
    }
}
