package ru.frmr.audit.ledger;

import java.util.Iterator;

/**
 * Recomputes the chain over entries given in sequence order and reports the first break. Each entry must
 * carry the next sequence (else {@link ChainBreak#SEQUENCE_GAP}), hash to its stored hash (else
 * {@link ChainBreak#HASH_MISMATCH}) and name its predecessor's hash, the genesis value for entry 1 (else
 * {@link ChainBreak#BROKEN_LINK}). It holds one entry at a time, so any ledger size fits in memory.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * @param entriesInSequenceOrder may throw {@link MalformedEntryException} from {@code next()}: such an entry
     *                               cannot hash to what was stored, so it counts as a hash mismatch
     */
    public static Verification verify(Iterator<LedgerEntry> entriesInSequenceOrder) {
        long expected = 1;
        String previousHash = EntryHash.GENESIS;
        long read = 0;
        while (entriesInSequenceOrder.hasNext()) {
            LedgerEntry entry;
            try {
                entry = entriesInSequenceOrder.next();
            } catch (MalformedEntryException e) {
                read++;
                return e.sequence() == null || e.sequence() == expected
                        ? Verification.broken(read, expected, ChainBreak.HASH_MISMATCH)
                        : Verification.broken(read, expected, ChainBreak.SEQUENCE_GAP);
            }
            read++;
            if (entry.sequence() != expected) {
                return Verification.broken(read, expected, ChainBreak.SEQUENCE_GAP);
            }
            if (!entry.recomputedHash().equals(entry.hash())) {
                return Verification.broken(read, expected, ChainBreak.HASH_MISMATCH);
            }
            if (!previousHash.equals(entry.previousHash())) {
                return Verification.broken(read, expected, ChainBreak.BROKEN_LINK);
            }
            previousHash = entry.hash();
            expected++;
        }
        return Verification.intact(read);
    }
}
