package ru.frmr.audit.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 §2.1.1 hashing: leaves and interior nodes are hashed with different prefixes, so neither poses as the other. */
public final class TreeHash {

    /** SHA-256 output length. */
    public static final int SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private TreeHash() {
    }

    /** SHA-256(0x00 ‖ entry). */
    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return digest.digest();
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
