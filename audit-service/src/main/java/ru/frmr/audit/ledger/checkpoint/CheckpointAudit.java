package ru.frmr.audit.ledger.checkpoint;

import java.security.MessageDigest;
import java.util.Arrays;

import com.mongodb.client.MongoCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.audit.ledger.EntryHash;
import ru.frmr.audit.ledger.LeafBytes;
import ru.frmr.audit.ledger.LedgerEntry;
import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.MalformedEntryException;
import ru.frmr.audit.ledger.tree.NodeHash;
import ru.frmr.audit.ledger.tree.RootAccumulator;
import ru.frmr.audit.ledger.tree.TreeNodes;
import ru.frmr.kit.error.InvalidParameterException;

/**
 * Holds the stored ledger against a checkpoint this log signed (one an agency kept from the topic, say): recomputes
 * the root from the entries themselves, trusting no stored tree node, and names the first entry that is missing,
 * altered (its fields no longer give its chain hash, or its leaf is not the leaf the tree recorded for it when it was
 * appended), or no longer linked to the one before; or that the ledger ends before the checkpoint's size. Entries
 * rewritten together with the chain and the stored tree still give another root: then the answer is "root differs"
 * without an index, and the consistency proofs between the published checkpoints tell from where.
 */
public class CheckpointAudit {

    private static final Logger log = LoggerFactory.getLogger(CheckpointAudit.class);

    private final LedgerQueries ledger;
    private final TreeNodes nodes;
    private final NoteSigner signer;
    private final String origin;

    public CheckpointAudit(LedgerQueries ledger, TreeNodes nodes, NoteSigner signer, String origin) {
        this.ledger = ledger;
        this.nodes = nodes;
        this.signer = signer;
        this.origin = origin;
    }

    /** @throws InvalidParameterException naming {@code checkpoint} when it is not a checkpoint this log signed */
    public CheckpointVerification verify(String note) {
        StoredCheckpoint.Body checkpoint = signer.verifiedText(note)
                .flatMap(StoredCheckpoint::parse)
                .filter(body -> body.origin().equals(origin) && body.treeSize() > 0)
                .orElseThrow(() -> new InvalidParameterException("checkpoint",
                        "must be a checkpoint of this log with its signature"));
        CheckpointVerification result = check(checkpoint);
        if (!result.consistent()) {
            log.warn("Audit ledger differs from the checkpoint of tree size {}: {} at sequence {}",
                    checkpoint.treeSize(), result.reason(), result.firstBadSequence());
        }
        return result;
    }

    private CheckpointVerification check(StoredCheckpoint.Body checkpoint) {
        long size = checkpoint.treeSize();
        RootAccumulator root = new RootAccumulator();
        long storedLeaves = nodes.leafCount();
        String previousHash = EntryHash.GENESIS;
        long index = 0;
        try (MongoCursor<LedgerEntry> entries = ledger.inSequenceOrder(1, size)) {
            while (entries.hasNext()) {
                LedgerEntry entry;
                try {
                    entry = entries.next();
                } catch (MalformedEntryException e) {
                    return CheckpointVerification.badAt(size, index + 1, index, "altered entry");
                }
                if (entry.sequence() != index + 1) {
                    return CheckpointVerification.badAt(size, index + 1, index, "missing entry");
                }
                if (!entry.recomputedHash().equals(entry.hash())) {
                    return CheckpointVerification.badAt(size, index + 1, index, "altered entry");
                }
                if (!previousHash.equals(entry.previousHash())) {
                    return CheckpointVerification.badAt(size, index + 1, index, "broken link");
                }
                byte[] leaf = NodeHash.leaf(LeafBytes.of(entry));
                if (index < storedLeaves && !sameAsRecorded(index, leaf)) {
                    return CheckpointVerification.badAt(size, index + 1, index, "altered entry");
                }
                root.add(leaf);
                previousHash = entry.hash();
                index++;
            }
        }
        if (index < size) {
            return CheckpointVerification.badAt(size, index, index, "ledger cut short");
        }
        return MessageDigest.isEqual(root.root(), checkpoint.rootHash()) ? CheckpointVerification.consistent(size)
                : CheckpointVerification.rootDiffers(size);
    }

    private boolean sameAsRecorded(long index, byte[] leaf) {
        return nodes.stored(0, index).map(recorded -> Arrays.equals(recorded, leaf)).orElse(true);
    }
}
