package ru.frmr.auth.esia;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ru.frmr.gost.GostSignatures;

/**
 * ESIA's {@code client_secret}: a raw GOST R 34.10-2012 (256) signature, base64url, over the UTF-8
 * concatenation {@code client_id + scope + scope_org + timestamp + state + redirect_uri (+ code)}.
 */
final class EsiaClientSecret {

    /** ESIA's {@code timestamp} form, e.g. {@code 2026.11.25 10:15:30 +0300}. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss Z");

    private EsiaClientSecret() {
    }

    static String timestamp(Instant at, ZoneId zone) {
        return TIMESTAMP.format(at.atZone(zone));
    }

    /**
     * @param scopeOrg empty when the request has no organisation scope
     * @param code     the authorization code for the token call, null for the authorization request
     */
    static String signedString(String clientId, String scope, String scopeOrg, String timestamp, String state,
                               String redirectUri, String code) {
        return clientId + scope + (scopeOrg == null ? "" : scopeOrg) + timestamp + state + redirectUri
                + (code == null ? "" : code);
    }

    static String sign(PrivateKey key, String signedString) {
        return GostSignatures.signBase64Url(key, signedString.getBytes(StandardCharsets.UTF_8));
    }
}
