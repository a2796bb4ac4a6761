package ru.frmr.esia.emulator.rs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.frmr.esia.emulator.DevKeys;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.esia.emulator.TestProperties;
import ru.frmr.esia.emulator.config.SigningKey;
import ru.frmr.gost.GostJws;
import ru.frmr.gost.GostKeys;

class AccessTokensTest {

    private static final long NOW = Instant.parse("2026-11-25T07:15:30Z").getEpochSecond();

    private final AccessTokens tokens = new AccessTokens(
            new SigningKey(DevKeys.emulatorKey(), DevKeys.emulatorCertificate()),
            new MutableClock(Instant.ofEpochSecond(NOW)), TestProperties.defaults());

    @Test
    void aValidTokenGrantsItsPersonAndScopes() {
        AccessGrant grant = tokens.verify("Bearer " + sign(claims(NOW + 60)));

        assertThat(grant).isEqualTo(new AccessGrant(1000299654L, Set.of("openid", "fullname")));
    }

    @Test
    void refusesMissingMalformedExpiredForeignAndNonAccessTokens() {
        Map<String, Object> otherIssuer = claims(NOW + 60);
        otherIssuer.put("iss", "https://esia.gosuslugi.ru/");
        Map<String, Object> idToken = claims(NOW + 60);
        idToken.remove("urn:esia:sbj_id");

        assertRefused(null);
        assertRefused("Basic Zm9vOmJhcg==");
        assertRefused("Bearer not.a.token");
        assertRefused("Bearer " + sign(claims(NOW)));
        assertRefused("Bearer " + sign(otherIssuer));
        assertRefused("Bearer " + sign(idToken));
        assertRefused("Bearer " + GostJws.sign(claims(NOW + 60), GostKeys.generate().getPrivate(), null));
    }

    private void assertRefused(String authorization) {
        assertThatThrownBy(() -> tokens.verify(authorization))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo("invalid_token"));
    }

    private static Map<String, Object> claims(long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("urn:esia:sbj_id", 1000299654L);
        claims.put("scope", "openid fullname");
        claims.put("iss", TestProperties.ISSUER);
        claims.put("nbf", NOW - 10);
        claims.put("exp", exp);
        return claims;
    }

    private static String sign(Map<String, Object> claims) {
        return GostJws.sign(claims, DevKeys.emulatorKey(), null);
    }
}
