package ru.frmr.rules.token;

import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * The platform's access-token rules, applied alike by the gateway (WebFlux) and the services (servlet):
 * ES256 only, so {@code alg=none}, HMAC and RSA tokens fail before any key is looked at; a key from the
 * platform's key set; our issuer; our audience; a non-blank subject; an expiry, within the clock skew.
 * A token that breaks a rule fails with a {@code BadJOSEException}, which both Spring decoders turn into
 * 401 {@code invalid_token}.
 */
public final class PlatformTokenRules {

    /** The one signature algorithm auth-service uses. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    private PlatformTokenRules() {
    }

    /** A processor that takes keys from {@code keys} (for a verifier, a {@link CoolingDownKeySet}). */
    public static ConfigurableJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys,
                                                                       TokenPolicy policy, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHM, keys));
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(policy, clock));
        return processor;
    }

    private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Clock clock;

        ClaimsVerifier(TokenPolicy policy, Clock clock) {
            // A token without exp would never expire: exp is required, not only checked when present.
            // Mutable sets: nimbus asks them whether they contain null, which Set.of answers with an exception.
            super(new HashSet<>(Set.of(policy.audience())),
                    new JWTClaimsSet.Builder().issuer(policy.issuer()).build(),
                    new HashSet<>(Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME)), new HashSet<>());
            setMaxClockSkew(Math.toIntExact(policy.clockSkew().toSeconds()));
            this.clock = clock;
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            if (claims.getSubject().isBlank()) {
                throw new BadJWTException("JWT sub claim is blank");
            }
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }
    }
}
