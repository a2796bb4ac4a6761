package ru.frmr.esia.emulator.config;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

import ru.frmr.gost.GostDigests;

/** The emulator's token-signing key and its certificate; the certificate hash names the key in {@code kid}. */
public record SigningKey(PrivateKey privateKey, X509Certificate certificate) {

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    public String keyId() {
        return GostDigests.certificateHash(certificate);
    }
}
