package ru.frmr.audit.ledger.tree;

/**
 * The hashes of the complete subtrees of the log's tree: node {@code (level, index)} covers leaves
 * {@code [index·2^level, (index+1)·2^level)}; level 0 holds the leaf hashes.
 */
@FunctionalInterface
public interface CompleteSubtrees {

    byte[] hash(int level, long index);
}
