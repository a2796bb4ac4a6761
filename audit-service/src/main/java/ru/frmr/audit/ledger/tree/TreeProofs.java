package ru.frmr.audit.ledger.tree;

import java.util.List;

import ru.frmr.kit.error.InvalidParameterException;

/**
 * Roots and proofs of the stored tree, for sizes up to the tree's current size; a size or index outside it is the
 * caller's error, named by parameter ({@code index}, {@code treeSize}, {@code from}, {@code to}).
 */
public class TreeProofs {

    /** An inclusion proof as served. */
    public record Inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> hashes) {
    }

    /** A consistency proof as served. */
    public record Consistency(long from, long to, List<byte[]> hashes) {
    }

    private final TreeNodes nodes;
    private final MerkleTree tree;

    public TreeProofs(TreeNodes nodes) {
        this.nodes = nodes;
        this.tree = new MerkleTree(nodes);
    }

    /** Leaves in the stored tree. */
    public long size() {
        return nodes.leafCount();
    }

    public byte[] root(long treeSize) {
        return tree.root(treeSize);
    }

    public byte[] leafHash(long leafIndex) {
        return nodes.hash(0, leafIndex);
    }

    public Inclusion inclusion(long index, long treeSize) {
        checkSize("treeSize", treeSize);
        if (index < 0) {
            throw new InvalidParameterException("index", "must be at least 0");
        }
        if (index >= treeSize) {
            throw new InvalidParameterException("index", "must be less than treeSize");
        }
        return new Inclusion(index, treeSize, nodes.hash(0, index), tree.inclusionProof(index, treeSize));
    }

    public Consistency consistency(long from, long to) {
        if (from < 1) {
            throw new InvalidParameterException("from", "must be at least 1");
        }
        checkSize("to", to);
        if (from > to) {
            throw new InvalidParameterException("from", "must not be greater than to");
        }
        return new Consistency(from, to, tree.consistencyProof(from, to));
    }

    private void checkSize(String parameter, long treeSize) {
        if (treeSize < 1) {
            throw new InvalidParameterException(parameter, "must be at least 1");
        }
        if (treeSize > size()) {
            throw new InvalidParameterException(parameter, "must not exceed the current tree size");
        }
    }
}
