package ru.frmr.auth.esia;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

import org.springframework.core.io.Resource;

import ru.frmr.gost.GostDigests;
import ru.frmr.gost.Pem;

/** The key material of the ESIA client, read once from the configured locations. */
final class EsiaCredentials {

    private final PrivateKey clientKey;
    private final String certificateHash;
    private final PublicKey esiaKey;

    EsiaCredentials(PrivateKey clientKey, X509Certificate clientCertificate, X509Certificate esiaCertificate) {
        this.clientKey = clientKey;
        this.certificateHash = GostDigests.certificateHash(clientCertificate);
        this.esiaKey = esiaCertificate.getPublicKey();
    }

    static EsiaCredentials load(EsiaProperties properties) {
        return new EsiaCredentials(Pem.privateKey(read(properties.clientKey(), "frmr.esia.client-key")),
                Pem.certificate(read(properties.clientCertificate(), "frmr.esia.client-certificate")),
                Pem.certificate(read(properties.esiaCertificate(), "frmr.esia.esia-certificate")));
    }

    PrivateKey clientKey() {
        return clientKey;
    }

    /** {@code client_certificate_hash}: Streebog-256 of the DER certificate, upper-case hex. */
    String certificateHash() {
        return certificateHash;
    }

    PublicKey esiaKey() {
        return esiaKey;
    }

    private static String read(Resource resource, String property) {
        if (resource == null || !resource.exists()) {
            throw new IllegalStateException(property + " must point at a readable PEM file");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + property, e);
        }
    }
}
