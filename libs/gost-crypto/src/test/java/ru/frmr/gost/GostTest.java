package ru.frmr.gost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GostTest {

    private static final KeyPair KEYS = GostKeys.generate();
    private static final byte[] DATA = "FRMR_LKopenid fullname2026.11.25 10:00:00 +0300".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAndVerifiesRawSignatures() {
        byte[] signature = GostSignatures.sign(KEYS.getPrivate(), DATA);
        assertThat(signature).hasSize(64);
        assertThat(GostSignatures.verify(KEYS.getPublic(), DATA, signature)).isTrue();

        byte[] tampered = DATA.clone();
        tampered[0] ^= 1;
        assertThat(GostSignatures.verify(KEYS.getPublic(), tampered, signature)).isFalse();
        assertThat(GostSignatures.verify(GostKeys.generate().getPublic(), DATA, signature)).isFalse();
        assertThat(GostSignatures.verifyBase64Url(KEYS.getPublic(), DATA, "%%%")).isFalse();
        assertThat(GostSignatures.verifyBase64Url(KEYS.getPublic(), DATA,
                GostSignatures.signBase64Url(KEYS.getPrivate(), DATA))).isTrue();
    }

    @Test
    void streebogMatchesTheStandardTestVector() {
        // GOST R 34.11-2012, example 1 (M1), 256-bit: the message is given and the digest printed
        // byte-reversed in the standard; this is the digest in natural byte order.
        byte[] m1 = "012345678901234567890123456789012345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
        assertThat(java.util.HexFormat.of().formatHex(GostDigests.streebog256(m1)))
                .isEqualTo("9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500");
    }

    @Test
    void certificateHashIsUpperCaseStreebogHexOfTheDer() {
        X509Certificate cert = GostCertificates.selfSigned(KEYS, "CN=FRMR_LK", Duration.ofDays(1), false);
        assertThat(GostDigests.certificateHash(cert)).matches("[0-9A-F]{64}");
        assertThat(Pem.certificate(Pem.write(cert))).isEqualTo(cert);
        assertThat(Pem.privateKey(Pem.write(KEYS.getPrivate()))).isEqualTo(KEYS.getPrivate());
    }

    @Test
    void validatesAChainToATrustedRoot() {
        KeyPair rootKeys = GostKeys.generate();
        X509Certificate root = GostCertificates.selfSigned(rootKeys, "CN=Test CA", Duration.ofDays(10), true);
        X509Certificate user = GostCertificates.issue(rootKeys, root, KEYS.getPublic(), "CN=Иванова М.П.",
                Duration.ofDays(5));
        assertThat(GostCertificates.chainIsTrusted(List.of(user), List.of(root), Instant.now())).isTrue();

        X509Certificate otherRoot = GostCertificates.selfSigned(GostKeys.generate(), "CN=Other", Duration.ofDays(10), true);
        assertThat(GostCertificates.chainIsTrusted(List.of(user), List.of(otherRoot), Instant.now())).isFalse();
        assertThat(GostCertificates.chainIsTrusted(List.of(user), List.of(root), Instant.now().plus(Duration.ofDays(6))))
                .as("expired").isFalse();
    }

    @Test
    void jwsRoundTripAndRejections() {
        String token = GostJws.sign(Map.of("urn:esia:sbj_id", 1000299654, "scope", "openid"), KEYS.getPrivate(), "k1");
        assertThat(GostJws.verify(token, KEYS.getPublic())).hasValueSatisfying(
                claims -> assertThat(claims).containsEntry("scope", "openid"));

        assertThat(GostJws.verify(token, GostKeys.generate().getPublic())).as("other key").isEmpty();
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertThat(GostJws.verify(none + "." + parts[1] + ".", KEYS.getPublic())).as("alg=none").isEmpty();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"urn:esia:sbj_id\":1,\"scope\":\"openid\"}".getBytes());
        assertThat(GostJws.verify(parts[0] + "." + forged + "." + parts[2], KEYS.getPublic())).as("payload").isEmpty();
        assertThat(GostJws.verify("garbage", KEYS.getPublic())).isEmpty();
    }
}
