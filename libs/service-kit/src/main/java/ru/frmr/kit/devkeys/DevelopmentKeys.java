package ru.frmr.kit.devkeys;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's development keys and CAs ({@code infra/dev-keys/*.pem}), known by fingerprint: SHA-256 of each
 * PEM object's DER, and for a certificate also of its public key (SubjectPublicKeyInfo), so another certificate
 * issued for a development key pair is recognised too. Compiled in, so a service recognises them without the
 * repository at hand; {@code DevelopmentKeysTest} fails when a file in {@code infra/dev-keys} is missing here.
 */
public final class DevelopmentKeys {

    /** Fingerprint (lower-case hex) to the development file it comes from. */
    static final Map<String, String> FINGERPRINTS = Map.ofEntries(
            Map.entry("33dc5893864e29d29e142071f9887198c5726966b50de530fb7185358ad6bf00", "documents-signing.cert.pem"),
            Map.entry("493ea5eee933d7b0906d83057c1299f9182493f92820359a3313ec6a9a9c4035",
                    "documents-signing.cert.pem (public key)"),
            Map.entry("b63732d8a4dc45b092a62649c1992123f51431506f0c0fb2438a973fa76b49b5", "documents-signing.key.pem"),
            Map.entry("323a7dea97d6afa8366657a79e01e2b3dd135b3ecdac6bc96eb94ed8f773d7df", "esia-emulator.cert.pem"),
            Map.entry("c7520d121f2edb5e07ac975f881ab008c9d2c472cb094d8f7396e7fa5dd72b05",
                    "esia-emulator.cert.pem (public key)"),
            Map.entry("26a4296c79a0b47f31799643d39644a58c62964c9460782f62e0b6f9afe80ef5", "esia-emulator.key.pem"),
            Map.entry("e275ca6d4980d149c234c13a730a6f4c0e7586e945d8283f8550e68c78529615", "frmr-lk.cert.pem"),
            Map.entry("6f0c1f365d3808fd6f016002f9d4746ae309387ccd654634cae1d5f05d383f38",
                    "frmr-lk.cert.pem (public key)"),
            Map.entry("95e4f68179ccd84ba604421e5c55e8090febff2667629876584a6d8bacfb5db2", "frmr-lk.key.pem"),
            Map.entry("be53e6a81b63c2d432082b0b5896abe976a971da3bfe30e352631da8f6e0bf50", "qes-test-ca.cert.pem"),
            Map.entry("df29f74e4997c9705e4b244cf8fb239a5805c4b2d002aaf7bef784d2df36c4b2",
                    "qes-test-ca.cert.pem (public key)"),
            Map.entry("a0995c6cde398b220fe0b977e88dba2990b9f6453c4c1728727a2f3c5bc0a0b7", "qes-test-ca.key.pem"),
            Map.entry("b5e137c30b3b4769d2c6a295f36ca1a065abebf94fc8e994e965e5ed6adc4827", "audit-checkpoints.key.pem"),
            Map.entry("c7cff5b3dac4f3651d5802ea8406fe6dc4458fdf1bfee82dafcf28f23430d818", "webhook-signing.key.pem"));

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    private DevelopmentKeys() {
    }

    /** The first development key or certificate among the PEM objects in {@code text}, by its file name. */
    public static Optional<String> find(String text) {
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(pem.group(2).trim());
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            for (String fingerprint : fingerprints(pem.group(1), der)) {
                String file = FINGERPRINTS.get(fingerprint);
                if (file != null) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The development key whose DER is {@code base64} itself (no PEM armour: a property such as
     * {@code FRMR_WEBHOOK_SIGNING_KEY} takes the key as bare base64), by its file name.
     */
    public static Optional<String> findBase64Der(String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // A certificate's public key is not compared here: a bare value is a key, not a certificate.
        return Optional.ofNullable(FINGERPRINTS.get(sha256(der)));
    }

    /** The DER's fingerprint, and for a certificate its public key's. */
    static List<String> fingerprints(String pemType, byte[] der) {
        List<String> fingerprints = new ArrayList<>(List.of(sha256(der)));
        if (pemType.equals("CERTIFICATE")) {
            try {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                fingerprints.add(sha256(certificate.getPublicKey().getEncoded()));
            } catch (CertificateException | RuntimeException unreadable) {
                // Not a certificate this JVM can read: its DER fingerprint is all there is to compare.
            }
        }
        return fingerprints;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
