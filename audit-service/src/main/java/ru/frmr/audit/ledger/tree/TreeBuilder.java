package ru.frmr.audit.ledger.tree;

import com.mongodb.client.MongoCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.audit.ledger.LeafBytes;
import ru.frmr.audit.ledger.LedgerEntry;
import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.MalformedEntryException;

/**
 * Grows the stored tree up to the ledger's last entry: for each new entry, its leaf, then every node it completes
 * (while its index is odd it closes a pair with the node on its left). Leaves are added in sequence order, each only
 * after all nodes of the leaves before it, so the stored nodes always cover a prefix of the ledger; a run starts again
 * at the last stored leaf, whose parents a stopped writer may not have written. Any number of replicas and threads may
 * run it at once: they compute the same nodes from the same entries, and a node is stored once. After a restart the
 * first run catches up from the entries.
 *
 * <p>An entry whose fields no longer give its chain hash is not added: the tree stops growing before it, and the
 * checkpoints with it, which shows (and {@code /api/audit/verify} names the entry).
 */
public class TreeBuilder {

    private static final Logger log = LoggerFactory.getLogger(TreeBuilder.class);

    private final TreeNodes nodes;
    private final LedgerQueries ledger;

    public TreeBuilder(TreeNodes nodes, LedgerQueries ledger) {
        this.nodes = nodes;
        this.ledger = ledger;
    }

    /** @return the tree size after the run */
    public long extend() {
        long last = ledger.lastSequence();
        long stored = nodes.leafCount();
        if (stored >= last) {
            return stored;
        }
        long next = Math.max(stored - 1, 0);
        try (MongoCursor<LedgerEntry> entries = ledger.inSequenceOrder(next + 1, last)) {
            while (entries.hasNext()) {
                LedgerEntry entry = entries.next();
                if (entry.sequence() != next + 1) {
                    log.warn("Audit tree stops at {} leaves: entry {} is missing", next, next + 1);
                    return next;
                }
                if (!entry.recomputedHash().equals(entry.hash())) {
                    log.warn("Audit tree stops at {} leaves: entry {} does not match its hash", next, next + 1);
                    return next;
                }
                addLeaf(next, NodeHash.leaf(LeafBytes.of(entry)));
                next++;
            }
        } catch (MalformedEntryException e) {
            log.warn("Audit tree stops at {} leaves: entry {} is unreadable", next, next + 1);
        }
        return next;
    }

    private void addLeaf(long index, byte[] leafHash) {
        nodes.put(0, index, leafHash);
        byte[] hash = leafHash;
        int level = 0;
        long at = index;
        while ((at & 1) == 1) {
            hash = NodeHash.node(nodes.hash(level, at - 1), hash);
            level++;
            at >>= 1;
            nodes.put(level, at, hash);
        }
    }
}
