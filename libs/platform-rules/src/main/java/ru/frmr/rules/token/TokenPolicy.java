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

    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("The clock skew must be zero or positive");
        }
    }
}
