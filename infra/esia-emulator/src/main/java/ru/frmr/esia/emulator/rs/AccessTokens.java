package ru.frmr.esia.emulator.rs;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.frmr.esia.emulator.config.EsiaProperties;
import ru.frmr.esia.emulator.config.SigningKey;
import ru.frmr.esia.emulator.oauth.Scopes;
import ru.frmr.gost.GostJws;

/** Checks the bearer access tokens the person API is called with: the emulator's signature, issuer and time. */
@Component
class AccessTokens {

    private static final String BEARER = "Bearer ";

    private final SigningKey key;
    private final Clock clock;
    private final String issuer;

    AccessTokens(SigningKey key, Clock clock, EsiaProperties properties) {
        this.key = key;
        this.clock = clock;
        this.issuer = properties.issuer();
    }

    AccessGrant verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.invalidToken("a Bearer access token is required");
        }
        Map<String, Object> claims = GostJws.verify(authorization.substring(BEARER.length()).trim(), key.publicKey())
                .orElseThrow(() -> ApiException.invalidToken("the access token is not signed by this ESIA"));
        long now = clock.instant().getEpochSecond();
        if (!issuer.equals(claims.get("iss"))
                || !(claims.get("exp") instanceof Number exp && exp.longValue() > now)
                || !(claims.get("nbf") instanceof Number nbf && nbf.longValue() <= now)
                || !(claims.get("urn:esia:sbj_id") instanceof Number oid)
                || !(claims.get("scope") instanceof String scope)) {
            throw ApiException.invalidToken("the access token is expired, not yet valid or not an access token");
        }
        return new AccessGrant(oid.longValue(), Set.copyOf(Scopes.parse(scope)));
    }
}
