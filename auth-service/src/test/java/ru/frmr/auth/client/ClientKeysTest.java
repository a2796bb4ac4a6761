package ru.frmr.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import ru.frmr.kit.error.InvalidParameterException;

/** Only public signing keys of the accepted types and sizes are registered; everything else names {@code jwks}. */
class ClientKeysTest {

    @Test
    void publicEcRsaAndEd25519KeysAreTaken() throws Exception {
        JWK ec = new ECKeyGenerator(Curve.P_256).keyID("ec").algorithm(JWSAlgorithm.ES256).generate().toPublicJWK();
        JWK rsa = new RSAKeyGenerator(2048).keyID("rsa").algorithm(JWSAlgorithm.PS256).generate().toPublicJWK();
        JWK ed = new com.nimbusds.jose.jwk.OctetKeyPair.Builder(Curve.Ed25519,
                com.nimbusds.jose.util.Base64URL.encode(new byte[32])).keyID("ed").build();

        assertThat(ClientKeys.parse(set(ec, rsa, ed)).getKeys()).hasSize(3);
    }

    @Test
    void privatePartsAreRefused() throws Exception {
        refused(set(new ECKeyGenerator(Curve.P_256).keyID("ec").generate()), "public keys only");
        refused(set(new RSAKeyGenerator(2048).keyID("rsa").generate()), "public keys only");
    }

    @Test
    void weakOrOtherKeysAreRefused() throws Exception {
        refused(set(new RSAKeyGenerator(1024, true).keyID("rsa").generate().toPublicJWK()), "at least 2048");
        refused(set(new ECKeyGenerator(Curve.P_384).keyID("ec").generate().toPublicJWK()), "P-256");
        refused(set(new OctetSequenceKeyGenerator(256).keyID("hs").generate()), "public keys only");
        refused(set(new ECKeyGenerator(Curve.P_256).keyID("ec").algorithm(JWSAlgorithm.HS256).generate()
                .toPublicJWK()), "does not fit");
    }

    @Test
    void keysWithoutIdsAndDuplicatesAreRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("a").generate();
        refused(set(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK()), "kid");
        refused(set(key.toPublicJWK(), new ECKeyGenerator(Curve.P_256).keyID("a").generate().toPublicJWK()), "twice");
        refused(set(key.toPublicJWK(), new ECKey.Builder(key.toPublicJWK()).keyID("b").build()), "same key twice");
        refused(Map.of("keys", List.of()), "1 to");
        refused(null, "required");
        refused(Map.of("keys", "nope"), "not a JWK set");
    }

    private static Map<String, Object> set(JWK... keys) {
        return Map.of("keys", java.util.Arrays.stream(keys).map(JWK::toJSONObject).toList());
    }

    private static void refused(Map<String, Object> jwks, String reason) {
        assertThatThrownBy(() -> ClientKeys.parse(jwks)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> {
                    assertThat(e.parameter()).isEqualTo("jwks");
                    assertThat(e.getMessage()).contains(reason);
                });
    }
}
