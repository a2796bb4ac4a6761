package ru.frmr.audit.ledger.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of RFC 9162 §2.1 for any tree size, from the stored complete subtrees rather than from every leaf:
 * each range the RFC's recursions visit either is an aligned power-of-two block (one stored node) or splits at the
 * largest power of two below its size, so a root costs at most log2(n) node reads and a proof about 2·log2(n).
 * Sizes and indexes are checked by the caller.
 */
public final class MerkleTree {

    private final CompleteSubtrees nodes;

    public MerkleTree(CompleteSubtrees nodes) {
        this.nodes = nodes;
    }

    /** MTH(D[0:size]), size ≥ 1. */
    public byte[] root(long size) {
        return hash(0, size);
    }

    /** PATH(index, D[0:size]) of §2.1.3.1, 0 ≤ index < size. */
    public List<byte[]> inclusionProof(long index, long size) {
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(from, D[0:to]) of §2.1.4.1, 1 ≤ from ≤ to (empty when from = to). */
    public List<byte[]> consistencyProof(long from, long to) {
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    /** MTH(D[start:end]) where start is a multiple of the largest power of two not above end - start. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.hash(level, start >>> level);
        }
        long k = split(n);
        return NodeHash.node(hash(start, start + k), hash(start + k, end));
    }

    private void path(long index, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index < start + k) {
            path(index, start, start + k, proof);
            proof.add(hash(start + k, end));
        } else {
            path(index, start + k, end, proof);
            proof.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean startFromOldRoot, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!startFromOldRoot) {
                proof.add(hash(start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, startFromOldRoot, proof);
            proof.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hash(start, start + k));
        }
    }

    /** The largest power of two smaller than n (n > 1). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
