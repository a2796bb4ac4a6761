package ru.frmr.gost;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** GOST R 34.11-2012 (Streebog-256) digests. */
public final class GostDigests {

    private GostDigests() {
    }

    public static byte[] streebog256(byte[] data) {
        try {
            return MessageDigest.getInstance(Gost.DIGEST_ALGORITHM, Gost.provider()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new GostException("Streebog-256 unavailable", e);
        }
    }

    /** ESIA's {@code client_certificate_hash}: Streebog-256 of the DER certificate, 64 upper-case hex digits. */
    public static String certificateHash(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(streebog256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new GostException("Cannot encode certificate", e);
        }
    }
}
