package ru.frmr.audit.ledger.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.audit.ledger.Ledger;
import ru.frmr.audit.ledger.LedgerIndexes;
import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.LedgerTestEvents;
import ru.frmr.audit.ledger.checkpoint.CheckpointAudit;
import ru.frmr.audit.ledger.checkpoint.Checkpoints;
import ru.frmr.audit.ledger.checkpoint.NoteSigner;
import ru.frmr.audit.ledger.checkpoint.StoredCheckpoint;
import ru.frmr.audit.ledger.tree.TreeBuilder;
import ru.frmr.audit.ledger.tree.TreeNodes;
import ru.frmr.audit.ledger.tree.TreeProofs;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.MutableClock;

/** The periodic verification over the Mongo wire server, and the gauges that show its stored result. */
class LedgerVerificationsTest {

    private static final String KEY = "MC4CAQAwBQYDK2VwBCIEICBEMYgvmsxa9TBE99IdhbFCPQqrfy+98mFlQkQFi3Qn";
    private static final String ORIGIN = "frmr.ru/audit/v1";
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    private static EmbeddedMongo mongo;
    private static MongoClient client;

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MongoDatabase db;
    private MongoCollection<Document> entries;
    private Ledger ledger;
    private LedgerQueries queries;
    private TreeNodes nodes;
    private Checkpoints checkpoints;
    private NoteSigner signer;
    private LedgerVerifications verifications;

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
    void fresh() {
        db = client.getDatabase("v_" + UUID.randomUUID().toString().replace("-", ""));
        entries = db.getCollection(Ledger.COLLECTION);
        LedgerIndexes.ensure(entries);
        ledger = new Ledger(entries, Clock.systemUTC(), 50);
        queries = new LedgerQueries(entries, 50);
        nodes = new TreeNodes(db.getCollection(TreeNodes.COLLECTION));
        checkpoints = new Checkpoints(db.getCollection(Checkpoints.COLLECTION),
                db.getCollection(Checkpoints.PUBLICATIONS));
        signer = new NoteSigner(ORIGIN, KEY);
        verifications = verifications();
        verifications.registerGauges(registry);
    }

    /** The defaults: every 5 minutes, the lock held 4.5 minutes at least and 10 at most. */
    private static final VerificationProperties AS_CONFIGURED = new VerificationProperties(null, null, null, null);

    private LedgerVerifications verifications() {
        return new LedgerVerifications(queries, checkpoints, new CheckpointAudit(queries, nodes, signer, ORIGIN),
                db.getCollection(LedgerVerifications.COLLECTION), clock,
                new MongoLockProvider(db.getCollection("shedlock")), AS_CONFIGURED.lockAtMostFor(),
                AS_CONFIGURED.lockAtLeastFor());
    }

    @Test
    void twoReplicasWithTheirOwnTimersVerifyOncePerInterval() {
        append(3);
        checkpointNow();

        verifications.verify();
        verifications().verify();

        assertThat(db.getCollection(LedgerVerifications.COLLECTION).countDocuments())
                .as("the second replica's run falls within the first's lock").isEqualTo(1);
    }

    @Test
    void theLockOutlivesNoDeadReplicaBeyondItsLimitAndNeverExceedsIt() {
        assertThat(new VerificationProperties(Duration.ofMinutes(5), null, null, null).lockAtLeastFor())
                .isEqualTo(Duration.ofSeconds(270));
        assertThat(new VerificationProperties(Duration.ofMinutes(5), null, null, null).lockAtMostFor())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(new VerificationProperties(Duration.ofHours(1), null, null, null).lockAtLeastFor())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(new VerificationProperties(Duration.ofSeconds(10), null, null, null).lockAtLeastFor())
                .isZero();
    }

    @Test
    void beforeAnyVerificationTheGaugesSayNotVerified() {
        assertThat(verified().value()).isZero();
        assertThat(verifiedAt().value()).isZero();
        assertThat(verifiedAt().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void anIntactLedgerWithItsCheckpointVerifiesAndTheGaugesShowWhen() {
        append(3);
        checkpointNow();

        verifications.verify();

        assertThat(verified().value()).isEqualTo(1);
        assertThat(verifiedAt().value()).isEqualTo(T0.getEpochSecond());
    }

    @Test
    void aRewrittenEntryFailsTheVerificationAndEveryReplicaSeesTheStoredResult() {
        append(3);
        checkpointNow();
        verifications.verify();
        entries.updateOne(Filters.eq("sequence", 2L), Updates.set("subject", "someone-else"));
        clock.advance(Duration.ofMinutes(5));

        assertThat(verifications.verifyWithoutLock()).isFalse();

        SimpleMeterRegistry anotherReplica = new SimpleMeterRegistry();
        verifications().registerGauges(anotherReplica);
        assertThat(anotherReplica.get(LedgerVerifications.VERIFIED).gauge().value()).isZero();
        assertThat(anotherReplica.get(LedgerVerifications.VERIFIED_AT).gauge().value())
                .isEqualTo(T0.plus(Duration.ofMinutes(5)).getEpochSecond());
        assertThat(db.getCollection(LedgerVerifications.COLLECTION).countDocuments())
                .as("each result appended").isEqualTo(2);
    }

    @Test
    void aLedgerThatDoesNotGiveItsLatestCheckpointsRootFailsEvenWhenItsChainHolds() {
        append(3);
        // As after entries and chain rewritten together: the chain holds, the signed root is another.
        byte[] otherRoot = new byte[32];
        checkpoints.add(new StoredCheckpoint(3, otherRoot, signer.sign(StoredCheckpoint.text(ORIGIN, 3, otherRoot)),
                T0));

        assertThat(verifications.verifyWithoutLock()).isFalse();
    }

    private Gauge verified() {
        return registry.get(LedgerVerifications.VERIFIED).gauge();
    }

    private Gauge verifiedAt() {
        return registry.get(LedgerVerifications.VERIFIED_AT).gauge();
    }

    private void checkpointNow() {
        new TreeBuilder(nodes, queries).extend();
        TreeProofs tree = new TreeProofs(nodes);
        long size = tree.size();
        byte[] root = tree.root(size);
        checkpoints.add(new StoredCheckpoint(size, root, signer.sign(StoredCheckpoint.text(ORIGIN, size, root)), T0));
    }

    private void append(int count) {
        for (int i = 1; i <= count; i++) {
            ledger.append(LedgerTestEvents.event(i));
        }
    }
}
