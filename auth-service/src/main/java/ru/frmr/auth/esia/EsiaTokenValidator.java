package ru.frmr.auth.esia;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import ru.frmr.gost.GostJws;

/**
 * Checks an ESIA access token before anything in it is believed: GOST signature by ESIA's certificate
 * (only {@code GOST3410_2012_256} is accepted, so {@code alg=none} cannot pass), issuer, lifetime, that
 * it was issued to this client, and that it names a person.
 */
final class EsiaTokenValidator {

    static final String SUBJECT_CLAIM = "urn:esia:sbj_id";

    private final PublicKey esiaKey;
    private final String issuer;
    private final String clientId;
    private final Duration skew;

    EsiaTokenValidator(PublicKey esiaKey, String issuer, String clientId, Duration skew) {
        this.esiaKey = esiaKey;
        this.issuer = issuer;
        this.clientId = clientId;
        this.skew = skew;
    }

    /** @return the person's oid */
    String validate(String accessToken, Instant now) {
        Map<String, Object> claims = GostJws.verify(accessToken, esiaKey)
                .orElseThrow(() -> EsiaErrors.invalidAnswer("the access token's signature is not ESIA's"));
        if (issuer != null && !issuer.equals(claims.get("iss"))) {
            throw EsiaErrors.invalidAnswer("the access token has another issuer");
        }
        Long exp = seconds(claims.get("exp"));
        if (exp == null || !Instant.ofEpochSecond(exp).plus(skew).isAfter(now)) {
            throw EsiaErrors.invalidAnswer("the access token has expired");
        }
        Long nbf = seconds(claims.get("nbf"));
        if (nbf != null && Instant.ofEpochSecond(nbf).minus(skew).isAfter(now)) {
            throw EsiaErrors.invalidAnswer("the access token is not valid yet");
        }
        if (!clientId.equals(claims.get("client_id")) && !audienceContains(claims.get("aud"))) {
            throw EsiaErrors.invalidAnswer("the access token was issued to another client");
        }
        Object subject = claims.get(SUBJECT_CLAIM);
        String oid = subject == null ? "" : subject.toString();
        if (!oid.matches("\\d{1,20}")) {
            throw EsiaErrors.invalidAnswer("the access token names no person");
        }
        return oid;
    }

    private boolean audienceContains(Object aud) {
        if (aud instanceof String s) {
            return clientId.equals(s);
        }
        return aud instanceof Collection<?> c && c.contains(clientId);
    }

    private static Long seconds(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
