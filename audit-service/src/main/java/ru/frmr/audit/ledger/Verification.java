package ru.frmr.audit.ledger;

/**
 * The outcome of checking the chain.
 *
 * @param entries             entries read: all of them when intact, else up to and including the one where
 *                            the break was found
 * @param firstBrokenSequence {@code null} when intact; for a gap, the missing sequence
 * @param reason              {@code null} when intact
 */
public record Verification(boolean intact, long entries, Long firstBrokenSequence, ChainBreak reason) {

    static Verification intact(long entries) {
        return new Verification(true, entries, null, null);
    }

    static Verification broken(long entries, long sequence, ChainBreak reason) {
        return new Verification(false, entries, sequence, reason);
    }
}
