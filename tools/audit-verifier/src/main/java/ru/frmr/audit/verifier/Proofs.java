package ru.frmr.audit.verifier;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of RFC 9162 proofs, step by step as §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) write it, so a
 * reader can hold the code against the RFC. Each method answers false for any proof that does not verify, whatever
 * is wrong with it (a bit, a length, an index, a size).
 */
public final class Proofs {

    private Proofs() {
    }

    /** Whether {@code path} proves that the leaf with {@code leafHash} is number {@code leafIndex} of the tree with {@code root}. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
                                          byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !wellFormed(leafHash) || !wellFormed(root) || !wellFormed(path)) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code path} proves that the tree of {@code first} leaves with root {@code firstRoot} is a prefix of
     * the tree of {@code second} leaves with root {@code secondRoot}. Equal sizes need an empty path and equal roots.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> path) {
        if (first < 1 || first > second || !wellFormed(firstRoot) || !wellFormed(secondRoot) || !wellFormed(path)) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> c = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            c.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = c.get(0);
        byte[] sr = c.get(0);
        for (byte[] value : c.subList(1, c.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(value, fr);
                sr = TreeHash.node(value, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.node(sr, value);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == TreeHash.SIZE;
    }

    private static boolean wellFormed(List<byte[]> path) {
        return path != null && path.stream().allMatch(Proofs::wellFormed);
    }
}
