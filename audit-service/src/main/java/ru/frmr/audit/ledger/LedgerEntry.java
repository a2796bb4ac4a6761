package ru.frmr.audit.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One link of the ledger chain. Entries are only ever created by {@link #create} (when appending) or read
 * back from storage; none is changed once written.
 *
 * @param sequence     1, 2, 3, ... without gaps
 * @param previousHash {@link EntryHash#GENESIS} for the first entry, else the hash of entry {@code sequence - 1}
 * @param recordedAt   when the ledger appended the entry, cut to milliseconds like {@link AuditedEvent#time()}
 * @param hash         {@link EntryHash#of} over all the other fields
 */
public record LedgerEntry(long sequence, AuditedEvent event, String previousHash, Instant recordedAt, String hash) {

    /** A new entry, with its hash computed. */
    public static LedgerEntry create(long sequence, AuditedEvent event, String previousHash, Instant recordedAt) {
        Instant recorded = recordedAt.truncatedTo(ChronoUnit.MILLIS);
        return new LedgerEntry(sequence, event, previousHash, recorded,
                EntryHash.of(sequence, event, previousHash, recorded));
    }

    /** The hash this entry's fields give now; differs from {@link #hash()} when a field was altered. */
    public String recomputedHash() {
        return EntryHash.of(sequence, event, previousHash, recordedAt);
    }
}
