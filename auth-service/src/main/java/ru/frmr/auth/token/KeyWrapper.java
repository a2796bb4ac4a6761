package ru.frmr.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM around the private signing keys stored in Mongo, so a copy of the database alone cannot
 * mint platform tokens. The key id is bound as associated data: a wrapped key cannot be moved to another id.
 */
final class KeyWrapper {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;

    KeyWrapper(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalArgumentException("frmr.auth.signing-keys.encryption-key must be 32 bytes, base64");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    String wrap(String kid, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, kid, iv).apply(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, out, 0, IV_BYTES);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    String unwrap(String kid, String wrapped) {
        byte[] in = Base64.getDecoder().decode(wrapped);
        byte[] iv = Arrays.copyOf(in, IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(in, IV_BYTES, in.length);
        return new String(cipher(Cipher.DECRYPT_MODE, kid, iv).apply(sealed), StandardCharsets.UTF_8);
    }

    private Operation cipher(int mode, String kid, byte[] iv) {
        return data -> {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new GCMParameterSpec(128, iv));
                cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Signing key " + kid + " cannot be " + (mode == Cipher.ENCRYPT_MODE
                        ? "wrapped" : "unwrapped: wrong frmr.auth.signing-keys.encryption-key?"), e);
            }
        };
    }

    @FunctionalInterface
    private interface Operation {
        byte[] apply(byte[] data);
    }
}
