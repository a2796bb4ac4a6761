package ru.frmr.audit.ledger.tree;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The root of a tree whose leaves come one by one, holding only one hash per complete subtree (at most 64): used
 * to recompute a checkpoint's root from the stored entries without trusting any stored node.
 */
public final class RootAccumulator {

    private record Subtree(int level, byte[] hash) {
    }

    private final Deque<Subtree> stack = new ArrayDeque<>();
    private long size;

    public void add(byte[] leafHash) {
        Subtree next = new Subtree(0, leafHash);
        while (!stack.isEmpty() && stack.peek().level() == next.level()) {
            Subtree left = stack.pop();
            next = new Subtree(left.level() + 1, NodeHash.node(left.hash(), next.hash()));
        }
        stack.push(next);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves added so far (at least one): the complete subtrees folded from the right. */
    public byte[] root() {
        if (stack.isEmpty()) {
            throw new IllegalStateException("The tree of no leaves has no root here");
        }
        byte[] root = null;
        for (Subtree subtree : stack) {
            root = root == null ? subtree.hash() : NodeHash.node(subtree.hash(), root);
        }
        return root;
    }
}
