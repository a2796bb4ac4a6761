package ru.frmr.audit.ledger.tree;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 written as the RFC writes them, on lists of entries: the reference. */
final class NaiveRfc9162 {

    private NaiveRfc9162() {
    }

    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return sha256(concat(new byte[] {0x00}, d.get(0)));
        }
        int k = largestPowerOfTwoBelow(n);
        return sha256(concat(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, n))));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, n)));
        } else {
            path.addAll(path(m - k, d.subList(k, n)));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(d));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
