package ru.frmr.auth.esia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.auth.DevKeys;
import ru.frmr.auth.identity.IdentityProviderException;
import ru.frmr.gost.GostJws;

class EsiaTokenValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final PrivateKey ESIA = DevKeys.key("esia-emulator");
    private final EsiaTokenValidator validator = new EsiaTokenValidator(
            DevKeys.certificate("esia-emulator").getPublicKey(), "http://esia/", "FRMR_LK", Duration.ofSeconds(30));

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("urn:esia:sbj_id", 1000299654L);
        claims.put("client_id", "FRMR_LK");
        claims.put("iss", "http://esia/");
        claims.put("nbf", NOW.getEpochSecond() - 10);
        claims.put("exp", NOW.getEpochSecond() + 3600);
        return claims;
    }

    private String token(Map<String, Object> claims) {
        return GostJws.sign(claims, ESIA, "k");
    }

    @Test
    void aGenuineTokenNamesThePerson() {
        assertThat(validator.validate(token(claims()), NOW)).isEqualTo("1000299654");
    }

    @Test
    void anAudienceNamingTheClientIsAccepted() {
        Map<String, Object> claims = claims();
        claims.remove("client_id");
        claims.put("aud", List.of("FRMR_LK"));
        assertThat(validator.validate(token(claims), NOW)).isEqualTo("1000299654");
    }

    @Test
    void rejectsAnotherSigner() {
        assertRejected(GostJws.sign(claims(), DevKeys.key("frmr-lk"), "k"), "signature");
    }

    @Test
    void rejectsAnUnsignedToken() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String none = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString("{\"urn:esia:sbj_id\":1}".getBytes(StandardCharsets.UTF_8)) + ".";
        assertRejected(none, "signature");
    }

    @Test
    void rejectsAnotherIssuer() {
        Map<String, Object> claims = claims();
        claims.put("iss", "http://evil/");
        assertRejected(token(claims), "issuer");
    }

    @Test
    void rejectsAnExpiredToken() {
        Map<String, Object> claims = claims();
        claims.put("exp", NOW.getEpochSecond() - 31);
        assertRejected(token(claims), "expired");
    }

    @Test
    void rejectsATokenNotYetValid() {
        Map<String, Object> claims = claims();
        claims.put("nbf", NOW.getEpochSecond() + 120);
        assertRejected(token(claims), "not valid yet");
    }

    @Test
    void rejectsATokenOfAnotherClient() {
        Map<String, Object> claims = claims();
        claims.put("client_id", "OTHER");
        assertRejected(token(claims), "another client");
    }

    @Test
    void rejectsATokenWithoutPerson() {
        Map<String, Object> claims = claims();
        claims.remove("urn:esia:sbj_id");
        assertRejected(token(claims), "no person");
    }

    private void assertRejected(String token, String why) {
        assertThatThrownBy(() -> validator.validate(token, NOW)).isInstanceOf(IdentityProviderException.class)
                .hasMessageContaining(why);
    }
}
