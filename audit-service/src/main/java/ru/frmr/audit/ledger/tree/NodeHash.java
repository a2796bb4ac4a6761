package ru.frmr.audit.ledger.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 9162 §2.1.1: leaf hash SHA-256(0x00 ‖ entry), interior node SHA-256(0x01 ‖ left ‖ right). */
public final class NodeHash {

    private NodeHash() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        digest.update(entry);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
