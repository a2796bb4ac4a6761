package ru.frmr.esia.emulator.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.frmr.esia.emulator.config.EsiaProperties;
import ru.frmr.esia.emulator.config.SigningKey;
import ru.frmr.gost.GostJws;

/** Signs ESIA's access and id tokens (GOST JWS) and hands out a refresh token with them. */
@Component
class TokenIssuer {

    /** How the person proved who they are: a password (the one-time code is the emulator's second step). */
    private static final String AMR_PASSWORD = "PWD";

    private final SigningKey key;
    private final RefreshTokens refreshTokens;
    private final Clock clock;
    private final String issuer;
    private final Duration ttl;

    TokenIssuer(SigningKey key, RefreshTokens refreshTokens, Clock clock, EsiaProperties properties) {
        this.key = key;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.issuer = properties.issuer();
        this.ttl = properties.accessTokenTtl();
    }

    TokenResponse issue(Grant grant, String state) {
        long now = clock.instant().getEpochSecond();
        long expires = now + ttl.toSeconds();

        Map<String, Object> access = new LinkedHashMap<>();
        access.put("urn:esia:sbj_id", grant.oid());
        access.put("urn:esia:sid", grant.sid());
        access.put("scope", Scopes.format(grant.scopes()));
        access.put("client_id", grant.clientId());
        access.put("iss", issuer);
        access.put("nbf", now);
        access.put("iat", now);
        access.put("exp", expires);

        Map<String, Object> id = new LinkedHashMap<>();
        id.put("sub", String.valueOf(grant.oid()));
        id.put("aud", grant.clientId());
        id.put("iss", issuer);
        id.put("urn:esia:sid", grant.sid());
        id.put("amr", AMR_PASSWORD);
        id.put("auth_time", grant.authTime().getEpochSecond());
        id.put("nbf", now);
        id.put("iat", now);
        id.put("exp", expires);

        return new TokenResponse(GostJws.sign(access, key.privateKey(), key.keyId()),
                GostJws.sign(id, key.privateKey(), key.keyId()), refreshTokens.issue(grant), ttl.toSeconds(), state,
                "Bearer");
    }
}
