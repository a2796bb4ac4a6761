package ru.frmr.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    @Test
    void emptyLedgerIsIntact() {
        assertThat(ChainVerifier.verify(List.<LedgerEntry>of().iterator()))
                .isEqualTo(new Verification(true, 0, null, null));
    }

    @Test
    void appendedChainIsIntact() {
        assertThat(ChainVerifier.verify(LedgerMother.chain(5).iterator()))
                .isEqualTo(new Verification(true, 5, null, null));
    }

    @Test
    void alteredFieldIsAHashMismatchAtThatEntry() {
        List<LedgerEntry> entries = new ArrayList<>(LedgerMother.chain(5));
        LedgerEntry third = entries.get(2);
        entries.set(2, new LedgerEntry(3, LedgerMother.withSubject(third.event(), "someone-else"),
                third.previousHash(), third.recordedAt(), third.hash()));

        assertThat(ChainVerifier.verify(entries.iterator()))
                .isEqualTo(new Verification(false, 3, 3L, ChainBreak.HASH_MISMATCH));
    }

    @Test
    void alteredFieldWithRecomputedHashBreaksTheNextLink() {
        List<LedgerEntry> entries = new ArrayList<>(LedgerMother.chain(5));
        LedgerEntry third = entries.get(2);
        entries.set(2, LedgerEntry.create(3, LedgerMother.withSubject(third.event(), "someone-else"),
                third.previousHash(), third.recordedAt()));

        assertThat(ChainVerifier.verify(entries.iterator()))
                .isEqualTo(new Verification(false, 4, 4L, ChainBreak.BROKEN_LINK));
    }

    @Test
    void deletedEntryIsAGapAtTheMissingSequence() {
        List<LedgerEntry> entries = new ArrayList<>(LedgerMother.chain(5));
        entries.remove(2);

        assertThat(ChainVerifier.verify(entries.iterator()))
                .isEqualTo(new Verification(false, 3, 3L, ChainBreak.SEQUENCE_GAP));
    }

    @Test
    void deletedFirstEntryIsAGapAtOne() {
        List<LedgerEntry> entries = new ArrayList<>(LedgerMother.chain(3));
        entries.remove(0);

        assertThat(ChainVerifier.verify(entries.iterator()))
                .isEqualTo(new Verification(false, 1, 1L, ChainBreak.SEQUENCE_GAP));
    }

    @Test
    void swappedSequenceNumbersAreAHashMismatch() {
        List<LedgerEntry> chain = LedgerMother.chain(4);
        LedgerEntry second = chain.get(1);
        LedgerEntry third = chain.get(2);
        List<LedgerEntry> reordered = List.of(chain.get(0),
                new LedgerEntry(2, third.event(), third.previousHash(), third.recordedAt(), third.hash()),
                new LedgerEntry(3, second.event(), second.previousHash(), second.recordedAt(), second.hash()),
                chain.get(3));

        assertThat(ChainVerifier.verify(reordered.iterator()))
                .isEqualTo(new Verification(false, 2, 2L, ChainBreak.HASH_MISMATCH));
    }

    @Test
    void reorderedEntriesWithRecomputedHashesAreABrokenLink() {
        List<LedgerEntry> chain = LedgerMother.chain(4);
        LedgerEntry second = chain.get(1);
        LedgerEntry third = chain.get(2);
        List<LedgerEntry> reordered = List.of(chain.get(0),
                LedgerEntry.create(2, third.event(), third.previousHash(), third.recordedAt()),
                LedgerEntry.create(3, second.event(), second.previousHash(), second.recordedAt()),
                chain.get(3));

        assertThat(ChainVerifier.verify(reordered.iterator()))
                .isEqualTo(new Verification(false, 2, 2L, ChainBreak.BROKEN_LINK));
    }

    @Test
    void firstEntryMustFollowGenesis() {
        LedgerEntry forged = LedgerEntry.create(1, LedgerMother.event(1), "ff".repeat(32), LedgerMother.T0);

        assertThat(ChainVerifier.verify(List.of(forged).iterator()))
                .isEqualTo(new Verification(false, 1, 1L, ChainBreak.BROKEN_LINK));
    }

    @Test
    void unreadableEntryIsAHashMismatch() {
        Iterator<LedgerEntry> chain = LedgerMother.chain(3).iterator();
        Iterator<LedgerEntry> withUnreadableSecond = new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return chain.hasNext();
            }

            @Override
            public LedgerEntry next() {
                LedgerEntry next = chain.next();
                if (++read == 2) {
                    throw new MalformedEntryException(2L, "time");
                }
                return next;
            }
        };

        assertThat(ChainVerifier.verify(withUnreadableSecond))
                .isEqualTo(new Verification(false, 2, 2L, ChainBreak.HASH_MISMATCH));
    }
}
