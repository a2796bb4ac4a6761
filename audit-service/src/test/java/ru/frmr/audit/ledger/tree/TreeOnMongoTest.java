package ru.frmr.audit.ledger.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.audit.ledger.LeafBytes;
import ru.frmr.audit.ledger.Ledger;
import ru.frmr.audit.ledger.LedgerEntry;
import ru.frmr.audit.ledger.LedgerIndexes;
import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.LedgerTestEvents;
import ru.frmr.infra.embedded.EmbeddedMongo;

/** The stored tree on the Mongo wire server: grown as entries come, caught up after a stop, shared by builders. */
class TreeOnMongoTest {

    private static EmbeddedMongo mongo;
    private static MongoClient client;

    private Ledger ledger;
    private LedgerQueries queries;
    private MongoCollection<Document> nodeCollection;
    private TreeNodes nodes;
    private final List<byte[]> leaves = new ArrayList<>();

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void freshLedger() {
        MongoDatabase db = client.getDatabase("audit_tree_" + UUID.randomUUID().toString().replace("-", ""));
        MongoCollection<Document> entries = db.getCollection(Ledger.COLLECTION);
        LedgerIndexes.ensure(entries);
        ledger = new Ledger(entries, Clock.systemUTC(), 50);
        queries = new LedgerQueries(entries, 7);
        nodeCollection = db.getCollection(TreeNodes.COLLECTION);
        nodes = new TreeNodes(nodeCollection);
    }

    @Test
    void theTreeFollowsTheLedgerAndGivesTheRfcRootForEverySize() {
        TreeBuilder builder = new TreeBuilder(nodes, queries);
        for (int n = 1; n <= 37; n++) {
            append(n);
            if (n % 5 == 0 || n == 37) {
                assertThat(builder.extend()).isEqualTo(n);
            }
        }

        MerkleTree tree = new MerkleTree(nodes);
        for (int size = 1; size <= 37; size++) {
            assertThat(tree.root(size)).isEqualTo(NaiveRfc9162.mth(leaves.subList(0, size)));
        }
        // 37 leaves, and one node for each complete pair, four, ...: 18 + 9 + 4 + 2 + 1.
        assertThat(nodeCollection.countDocuments()).isEqualTo(37 + 18 + 9 + 4 + 2 + 1);
    }

    @Test
    void aBuilderStartedAfterAStopCatchesUpFromTheEntries() {
        for (int n = 1; n <= 12; n++) {
            append(n);
        }
        new TreeBuilder(nodes, queries).extend();
        // A writer stopped after storing leaf 12 but before its parents.
        nodeCollection.deleteMany(new Document("level", new Document("$gt", 0)).append("index",
                new Document("$gte", 2)));
        for (int n = 13; n <= 20; n++) {
            append(n);
        }

        assertThat(new TreeBuilder(nodes, queries).extend()).isEqualTo(20);
        assertThat(new MerkleTree(nodes).root(20)).isEqualTo(NaiveRfc9162.mth(leaves));
        assertThat(nodes.stored(2, 2)).isPresent();
    }

    @Test
    void buildersRunningAtOnceStoreEachNodeOnce() throws Exception {
        for (int n = 1; n <= 64; n++) {
            append(n);
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> new TreeBuilder(nodes, queries).extend()));
            }
            for (Future<Long> run : runs) {
                assertThat(run.get()).isEqualTo(64);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(nodeCollection.countDocuments()).isEqualTo(127);
        assertThat(new MerkleTree(nodes).root(64)).isEqualTo(NaiveRfc9162.mth(leaves));
    }

    @Test
    void anEntryAlteredBeforeItJoinsTheTreeStopsTheTreeBeforeIt() {
        for (int n = 1; n <= 4; n++) {
            append(n);
        }
        client.getDatabase(nodeCollection.getNamespace().getDatabaseName()).getCollection(Ledger.COLLECTION)
                .updateOne(new Document("sequence", 3L), new Document("$set", new Document("actor", "someone")));

        assertThat(new TreeBuilder(nodes, queries).extend()).isEqualTo(2);
        assertThat(nodes.leafCount()).isEqualTo(2);
    }

    private void append(int n) {
        LedgerEntry entry = ledger.append(LedgerTestEvents.event(n)).orElseThrow();
        leaves.add(LeafBytes.of(entry));
    }
}
