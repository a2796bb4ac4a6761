package ru.frmr.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

import org.springframework.core.io.Resource;

import ru.frmr.gost.Gost;
import ru.frmr.gost.GostException;
import ru.frmr.gost.Pem;

/**
 * The platform's document-signing key pair as configured, checked once at start: both present and readable, the
 * key of the configured algorithm, and the certificate's public key its own (a mismatch would sign every справка
 * with a signature nobody can verify).
 */
record PlatformSigningKey(SigningAlgorithm algorithm, PrivateKey privateKey, X509Certificate certificate) {

    static PlatformSigningKey load(SigningProperties properties) {
        PrivateKey key;
        X509Certificate certificate;
        try {
            key = Pem.privateKey(read(properties.key(), "frmr.documents.signing.key"));
            certificate = Pem.certificate(read(properties.certificate(), "frmr.documents.signing.certificate"));
        } catch (GostException unreadable) {
            throw new IllegalStateException("frmr.documents.signing: " + unreadable.getMessage(), unreadable);
        }
        return of(properties.algorithm(), key, certificate);
    }

    static PlatformSigningKey of(SigningAlgorithm algorithm, PrivateKey key, X509Certificate certificate) {
        if (!algorithm.accepts(key)) {
            throw new IllegalStateException("frmr.documents.signing.key is a " + key.getAlgorithm()
                    + " key, not one for frmr.documents.signing.algorithm " + algorithm);
        }
        if (!pairs(algorithm, key, certificate)) {
            throw new IllegalStateException(
                    "frmr.documents.signing.certificate is not the certificate of frmr.documents.signing.key");
        }
        return new PlatformSigningKey(algorithm, key, certificate);
    }

    private static boolean pairs(SigningAlgorithm algorithm, PrivateKey key, X509Certificate certificate) {
        byte[] probe = "frmr.documents.signing".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm.signatureName(), Gost.provider());
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.signatureName(), Gost.provider());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException wrongKind) {
            return false;
        }
    }

    private static String read(Resource resource, String property) {
        if (resource == null) {
            throw new IllegalStateException(property + " is not set");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(property + " cannot be read: " + resource.getDescription(), e);
        }
    }
}
