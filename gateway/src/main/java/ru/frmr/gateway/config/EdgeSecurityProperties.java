package ru.frmr.gateway.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;

import ru.frmr.rules.token.CoolingDownKeySet;
import ru.frmr.rules.token.TokenPolicy;

/**
 * Which requests need which access token. Under {@code /api/} every request needs a valid one, except
 * {@code publicPaths}; outside it (probes, metrics, portal files) none is asked for.
 *
 * @param issuer      the only accepted {@code iss}
 * @param audience    a value {@code aud} must contain
 * @param clockSkew   tolerance on {@code exp} and {@code nbf}
 * @param publicPaths path patterns served without a token (login, key set, public register); a token sent
 *                    there is ignored rather than checked, so a stale one cannot block a login or refresh
 * @param roleRules   checked in order; the first rule whose method and path match decides the roles needed
 * @param keySet      how often auth-service's key set may be fetched
 */
@ConfigurationProperties("frmr.gateway.security")
public record EdgeSecurityProperties(@DefaultValue(TokenPolicy.DEFAULT_ISSUER) String issuer,
                                     @DefaultValue(TokenPolicy.DEFAULT_AUDIENCE) String audience,
                                     Duration clockSkew,
                                     @DefaultValue List<String> publicPaths,
                                     @DefaultValue List<RoleRule> roleRules,
                                     @DefaultValue KeySet keySet) {

    public EdgeSecurityProperties {
        clockSkew = clockSkew == null ? TokenPolicy.DEFAULT_CLOCK_SKEW : clockSkew;
    }

    /**
     * @param coolDown the least time between two fetches, however many tokens with unknown key ids arrive
     * @param maxAge   keys older than this are fetched again on the next token, so a withdrawn key expires
     */
    public record KeySet(Duration coolDown, Duration maxAge) {

        public KeySet {
            coolDown = coolDown == null ? CoolingDownKeySet.DEFAULT_COOL_DOWN : coolDown;
            maxAge = maxAge == null ? CoolingDownKeySet.DEFAULT_MAX_AGE : maxAge;
        }
    }

    /** @param method null for every method */
    public record RoleRule(HttpMethod method, String path, List<String> roles) {

        public RoleRule {
            if (path == null || path.isBlank() || roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("A role rule needs a path and at least one role");
            }
        }
    }
}
