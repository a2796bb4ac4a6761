package ru.frmr.rules.token;

import java.time.Duration;
import java.util.Objects;

/**
 * What a verifier demands of a platform access token beyond its signature.
 *
 * @param issuer    the only accepted {@code iss}
 * @param audience  a value {@code aud} must contain
 * @param clockSkew tolerance on {@code exp} and {@code nbf} for clocks that drift apart
 */
public record TokenPolicy(String issuer, String audience, Duration clockSkew) {

    /** auth-service's {@code iss} unless configured otherwise. */
    public static final String DEFAULT_ISSUER = "frmr-auth";
    /** The platform's {@code aud}. */
    public static final String DEFAULT_AUDIENCE = "frmr-platform";
    /** Small, because tokens live only five minutes. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("The clock skew must be zero or positive");
        }
    }
}
