package ru.frmr.gost;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;

/**
 * Raw GOST R 34.10-2012 (256) signatures over a Streebog-256 digest: 64 bytes, as ESIA expects in
 * {@code client_secret} (base64url) and in the signature part of its JWTs.
 */
public final class GostSignatures {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private GostSignatures() {
    }

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(Gost.SIGNATURE_ALGORITHM, Gost.provider());
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new GostException("Cannot sign with GOST R 34.10-2012", e);
        }
    }

    /** False for a wrong or malformed signature; never throws for bad input. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        if (signatureBytes == null || signatureBytes.length != 64) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(Gost.SIGNATURE_ALGORITHM, Gost.provider());
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new GostException("Cannot verify a GOST R 34.10-2012 signature", e);
        }
    }

    public static String signBase64Url(PrivateKey key, byte[] data) {
        return URL.encodeToString(sign(key, data));
    }

    /** False also when {@code base64Url} is not base64url at all. */
    public static boolean verifyBase64Url(PublicKey key, byte[] data, String base64Url) {
        if (base64Url == null) {
            return false;
        }
        try {
            return verify(key, data, URL_DECODER.decode(base64Url));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
