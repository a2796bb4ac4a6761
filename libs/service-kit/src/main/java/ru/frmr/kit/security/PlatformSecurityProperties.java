package ru.frmr.kit.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.frmr.rules.token.CoolingDownKeySet;
import ru.frmr.rules.token.TokenPolicy;

/**
 * How a service checks the platform's access tokens (docs/identity.md).
 *
 * @param jwksUri     where auth-service publishes its signing keys
 * @param issuer      the only accepted {@code iss}
 * @param audience    a value {@code aud} must contain
 * @param clockSkew   tolerance on {@code exp}, {@code nbf} and {@code iat} for clocks that drift apart; small,
 *                    because tokens live only five minutes
 * @param publicPaths path patterns served without a token; a bearer token sent there is ignored, not checked,
 *                    so a stale token left in a client cannot block a login or refresh call
 * @param keySet      how often the key set at {@code jwksUri} may be fetched
 * @param agencyPaths path patterns an agency's machine client (role AGENCY) may call at all; everywhere else its
 *                    token is refused (403), whatever rule would let any authenticated caller through
 */
@ConfigurationProperties("frmr.security")
public record PlatformSecurityProperties(URI jwksUri, String issuer, String audience, Duration clockSkew,
                                         List<String> publicPaths, KeySet keySet, List<String> agencyPaths) {

    public PlatformSecurityProperties {
        jwksUri = jwksUri == null ? URI.create("http://127.0.0.1:8085/.well-known/jwks.json") : jwksUri;
        issuer = issuer == null ? TokenPolicy.DEFAULT_ISSUER : issuer;
        audience = audience == null ? TokenPolicy.DEFAULT_AUDIENCE : audience;
        clockSkew = clockSkew == null ? TokenPolicy.DEFAULT_CLOCK_SKEW : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        keySet = keySet == null ? new KeySet(null, null) : keySet;
        agencyPaths = agencyPaths == null ? List.of() : List.copyOf(agencyPaths);
    }

    public TokenPolicy tokenPolicy() {
        return new TokenPolicy(issuer, audience, clockSkew);
    }

    /**
     * @param coolDown the least time between two fetches, whatever tokens with unknown key ids arrive
     * @param maxAge   keys older than this are fetched again on the next token, so a withdrawn key expires
     */
    public record KeySet(Duration coolDown, Duration maxAge) {

        public KeySet {
            coolDown = coolDown == null ? CoolingDownKeySet.DEFAULT_COOL_DOWN : coolDown;
            maxAge = maxAge == null ? CoolingDownKeySet.DEFAULT_MAX_AGE : maxAge;
        }
    }
}
