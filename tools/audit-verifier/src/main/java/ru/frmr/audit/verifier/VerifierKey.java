package ru.frmr.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 note verifier key as C2SP signed-note writes it: {@code <name>+<hex key hash>+<base64(0x01 ‖ public key)>},
 * where the key hash is the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
 */
public final class VerifierKey {

    /** The signature type byte of Ed25519 in signed notes. */
    public static final byte ED25519 = 0x01;
    /** Length of a raw Ed25519 public key. */
    public static final int PUBLIC_KEY_SIZE = 32;
    /** Length of an Ed25519 signature. */
    public static final int SIGNATURE_SIZE = 64;

    // DER of SubjectPublicKeyInfo for Ed25519 (RFC 8410) up to the 32 key bytes.
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] keyHash;
    private final byte[] publicKey;

    private VerifierKey(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyHash = keyHash(name, publicKey);
    }

    /** The key of {@code name} with a raw 32-byte Ed25519 public key. */
    public static VerifierKey of(String name, byte[] rawPublicKey) {
        if (!validName(name)) {
            throw new IllegalArgumentException("A key name is non-empty, without spaces, '+' or control characters");
        }
        if (rawPublicKey.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("An Ed25519 public key has 32 bytes");
        }
        return new VerifierKey(name, rawPublicKey);
    }

    /** Reads {@code <name>+<hex key hash>+<base64 key>}, refusing one whose hash does not match its name and key. */
    public static VerifierKey parse(String text) {
        String[] parts = text.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("A verifier key has the form <name>+<hex key hash>+<base64 key>");
        }
        byte[] encoded;
        byte[] hash;
        try {
            encoded = Base64.getDecoder().decode(parts[2]);
            hash = HexFormat.of().parseHex(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The verifier key's hash is not hex or its key is not base64");
        }
        if (encoded.length != 1 + PUBLIC_KEY_SIZE || encoded[0] != ED25519) {
            throw new IllegalArgumentException("The verifier key is not an Ed25519 key (0x01 and 32 bytes)");
        }
        VerifierKey key = of(parts[0], Arrays.copyOfRange(encoded, 1, encoded.length));
        if (!Arrays.equals(hash, key.keyHash)) {
            throw new IllegalArgumentException("The verifier key's hash does not match its name and key");
        }
        return key;
    }

    /** The first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
    public static byte[] keyHash(String name, byte[] rawPublicKey) {
        MessageDigest digest = TreeHash.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        digest.update(rawPublicKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.codePoints().noneMatch(c -> c <= 0x20 || c == '+');
    }

    public String name() {
        return name;
    }

    public byte[] keyHash() {
        return keyHash.clone();
    }

    /** Whether {@code signature} (64 bytes) is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(javaPublicKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private PublicKey javaPublicKey() throws GeneralSecurityException {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_SIZE);
        System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, PUBLIC_KEY_SIZE);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    /** {@code <name>+<hex key hash>+<base64(0x01 ‖ public key)>}. */
    @Override
    public String toString() {
        byte[] encoded = new byte[1 + PUBLIC_KEY_SIZE];
        encoded[0] = ED25519;
        System.arraycopy(publicKey, 0, encoded, 1, PUBLIC_KEY_SIZE);
        return name + "+" + HexFormat.of().formatHex(keyHash) + "+" + Base64.getEncoder().encodeToString(encoded);
    }
}
