package ru.frmr.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The append algorithm and the queries against a MongoDB, each test on a fresh collection: the Mongo wire server
 * ({@link LedgerOnMongoTest}) and a real replica set ({@link LedgerOnMongoContainersIT}) run the same tests.
 */
abstract class LedgerOnMongoContract {

    private MongoCollection<Document> collection;
    private Ledger ledger;
    private LedgerQueries queries;

    /** The client of the subclass's MongoDB, connected before the first test. */
    protected abstract MongoClient client();

    @BeforeEach
    void freshLedger() {
        collection = client().getDatabase("audit").getCollection("ledger_" + UUID.randomUUID());
        LedgerIndexes.ensure(collection);
        ledger = new Ledger(collection, Clock.systemUTC(), 50);
        queries = new LedgerQueries(collection, 2);
    }

    @Test
    void appendsGapFreeLinkedEntries() {
        LedgerEntry first = ledger.append(LedgerMother.event(1)).orElseThrow();
        LedgerEntry second = ledger.append(LedgerMother.event(2)).orElseThrow();

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(EntryHash.GENESIS);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(queries.verify()).isEqualTo(new Verification(true, 2, null, null));
    }

    @Test
    void appendingAnEventAgainChangesNothing() {
        ledger.append(LedgerMother.event(1));

        assertThat(ledger.append(LedgerMother.event(1))).isEmpty();
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void storedEntryReadsBackAsWritten() {
        AuditedEvent sparse = new AuditedEvent("e-1", "t", "/s", null, null, null, "topic", "00".repeat(32));
        LedgerEntry written = ledger.append(sparse).orElseThrow();

        assertThat(queries.bySequence(1)).contains(written);
        assertThat(queries.bySequence(2)).isEmpty();
    }

    @Test
    void concurrentWritersKeepTheChainGapFreeAndEachEventOnce() throws Exception {
        int writers = 4;
        int ownEvents = 15;
        int sharedEvents = 10;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                for (int i = 0; i < ownEvents; i++) {
                    ledger.append(LedgerMother.event(1000 * (writer + 1) + i));
                    // Every writer also records the same few events, as replicas do with a public event.
                    ledger.append(LedgerMother.event(i % sharedEvents));
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        long expected = writers * ownEvents + sharedEvents;
        List<Long> sequences = collection.find().sort(Sorts.ascending("sequence"))
                .map(d -> d.getLong("sequence")).into(new ArrayList<>());
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
        assertThat(queries.verify()).isEqualTo(new Verification(true, expected, null, null));
    }

    @Test
    void writerThatLosesTheRaceForASequenceTakesTheNext() {
        Ledger rival = new Ledger(collection, Clock.systemUTC(), 50);
        Ledger racing = new Ledger(collection, clockThatFirst(() -> rival.append(LedgerMother.event(99))), 50);

        LedgerEntry appended = racing.append(LedgerMother.event(1)).orElseThrow();

        assertThat(appended.sequence()).isEqualTo(2);
        assertThat(queries.bySequence(1).orElseThrow().event().eventId()).isEqualTo("event-99");
        assertThat(queries.verify().intact()).isTrue();
    }

    @Test
    void writerThatLosesTheRaceForItsOwnEventStops() {
        Ledger rival = new Ledger(collection, Clock.systemUTC(), 50);
        Ledger racing = new Ledger(collection, clockThatFirst(() -> rival.append(LedgerMother.event(1))), 50);

        assertThat(racing.append(LedgerMother.event(1))).isEmpty();
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void appendGivesUpAfterTooManyLostRaces() {
        Ledger rival = new Ledger(collection, Clock.systemUTC(), 50);
        int[] rivalEvents = {100};
        Ledger alwaysLosing = new Ledger(collection,
                clockThatAlways(() -> rival.append(LedgerMother.event(rivalEvents[0]++))), 3);

        assertThatThrownBy(() -> alwaysLosing.append(LedgerMother.event(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 attempts");
        assertThat(collection.countDocuments(Filters.eq("eventId", "event-1"))).isZero();
    }

    @Test
    void findsByFilterInSequenceOrderOnePageAtATime() {
        for (int n = 1; n <= 9; n++) {
            ledger.append(LedgerMother.event(n));
        }
        // LedgerMother: subject worker-(n % 3), event time T0 + n seconds.
        EntryFilter worker1 = new EntryFilter("worker-1", null, null, null);
        assertThat(sequences(queries.find(worker1, 0, 10))).containsExactly(1L, 4L, 7L);

        EntryPage secondPage = queries.find(new EntryFilter(null, null, null, null), 1, 4);
        assertThat(sequences(secondPage)).containsExactly(5L, 6L, 7L, 8L);
        assertThat(secondPage.totalItems()).isEqualTo(9);

        Instant t0 = LedgerMother.T0;
        EntryFilter window = new EntryFilter(null, null, t0.plusSeconds(3), t0.plusSeconds(6));
        assertThat(sequences(queries.find(window, 0, 10))).containsExactly(3L, 4L, 5L);

        EntryFilter otherType = new EntryFilter(null, "ru.frmr.registry.LicenseExpired.v1", null, null);
        assertThat(queries.find(otherType, 0, 10).totalItems()).isZero();

        EntryPage beyond = queries.find(worker1, 5, 10);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalItems()).isEqualTo(3);
    }

    @Test
    void verifyFindsAnEntryEditedInTheStore() {
        appendFive();
        collection.updateOne(Filters.eq("sequence", 4L), Updates.set("subject", "someone-else"));

        assertThat(queries.verify()).isEqualTo(new Verification(false, 4, 4L, ChainBreak.HASH_MISMATCH));
    }

    @Test
    void verifyFindsAnEntryDeletedFromTheStore() {
        appendFive();
        collection.deleteOne(Filters.eq("sequence", 2L));

        assertThat(queries.verify()).isEqualTo(new Verification(false, 2, 2L, ChainBreak.SEQUENCE_GAP));
    }

    @Test
    void verifyFindsAFieldRewrittenWithAnotherType() {
        appendFive();
        collection.updateOne(Filters.eq("sequence", 3L), Updates.set("time", "2025-03-01T10:00:03Z"));

        assertThat(queries.verify()).isEqualTo(new Verification(false, 3, 3L, ChainBreak.HASH_MISMATCH));
    }

    @Test
    void appendContinuesAfterTheTail() {
        appendFive();
        Optional<LedgerEntry> sixth = ledger.append(LedgerMother.event(6));

        assertThat(sixth).get().extracting(LedgerEntry::sequence).isEqualTo(6L);
        assertThat(sixth.get().previousHash()).isEqualTo(queries.bySequence(5).orElseThrow().hash());
    }

    /** Runs {@code rival} between the racing writer's read of the tail and its insert, once. */
    private static Clock clockThatFirst(Runnable rival) {
        boolean[] raced = {false};
        return clockThatAlways(() -> {
            if (!raced[0]) {
                raced[0] = true;
                rival.run();
            }
        });
    }

    /** The ledger reads its clock after reading the tail: the window where a rival writer can win. */
    private static Clock clockThatAlways(Runnable rival) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                rival.run();
                return Instant.now();
            }
        };
    }

    private void appendFive() {
        for (int n = 1; n <= 5; n++) {
            ledger.append(LedgerMother.event(n));
        }
    }

    private static List<Long> sequences(EntryPage page) {
        return page.items().stream().map(LedgerEntry::sequence).toList();
    }
}
