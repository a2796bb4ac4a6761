package ru.frmr.audit.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import ru.frmr.audit.ledger.Ledger;
import ru.frmr.audit.ledger.LedgerIndexes;
import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.LedgerTestEvents;
import ru.frmr.audit.ledger.tree.TreeBuilder;
import ru.frmr.audit.ledger.tree.TreeNodes;
import ru.frmr.audit.ledger.tree.TreeProofs;
import ru.frmr.audit.verifier.Checkpoint;
import ru.frmr.audit.verifier.SignedNote;
import ru.frmr.audit.verifier.VerifierKey;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.EmbeddedMongo;

/** When checkpoints are made, and their at-least-once publication, on the Mongo wire server with Kafka mocked. */
class CheckpointSweeperTest {

    private static final String KEY = "MC4CAQAwBQYDK2VwBCIEICBEMYgvmsxa9TBE99IdhbFCPQqrfy+98mFlQkQFi3Qn";
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    private static EmbeddedMongo mongo;
    private static MongoClient client;

    private Ledger ledger;
    private Checkpoints checkpoints;
    private NoteSigner signer;
    private CheckpointSweeper sweeper;
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private MongoDatabase db;
    private int appended;
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);

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
        db = client.getDatabase("cp_" + UUID.randomUUID().toString().replace("-", ""));
        MongoCollection<Document> entries = db.getCollection(Ledger.COLLECTION);
        LedgerIndexes.ensure(entries);
        ledger = new Ledger(entries, Clock.systemUTC(), 50);
        checkpoints = new Checkpoints(db.getCollection(Checkpoints.COLLECTION), db.getCollection(Checkpoints.PUBLICATIONS));
        signer = new NoteSigner("frmr.ru/audit/v1", KEY);
        sweeper(clock);
        when(kafka.send(any(ProducerRecord.class))).thenReturn(acknowledged());
    }

    private void sweeper(Clock at) {
        clock = at;
        TreeNodes nodes = new TreeNodes(db.getCollection(TreeNodes.COLLECTION));
        LedgerQueries queries = new LedgerQueries(db.getCollection(Ledger.COLLECTION), 50);
        CheckpointProperties settings = new CheckpointProperties("frmr.ru/audit/v1", null, KEY, 3,
                Duration.ofSeconds(10), null, null, null);
        sweeper = new CheckpointSweeper(new TreeBuilder(nodes, queries), new TreeProofs(nodes), checkpoints, signer,
                new CheckpointPublisher(checkpoints, kafka, settings.origin()), settings, at,
                new MongoLockProvider(db.getCollection("shedlock")), new SimpleMeterRegistry());
    }

    @Test
    void aCheckpointEveryThreeEntriesOrTenSecondsOnceTheTreeGrew() {
        sweeper.sweep();
        assertThat(checkpoints.latest()).isEmpty();

        append(1);
        sweeper.sweep();
        assertThat(sizes()).containsExactly(1L);

        append(2);
        sweeper.sweep();
        assertThat(sizes()).as("grew by 2 < 3, and no time passed").containsExactly(1L);

        append(1);
        sweeper.sweep();
        assertThat(sizes()).as("grew by 3").containsExactly(4L, 1L);

        append(1);
        sweeper(Clock.offset(clock, Duration.ofSeconds(9)));
        sweeper.sweep();
        assertThat(sizes()).containsExactly(4L, 1L);
        sweeper(Clock.offset(clock, Duration.ofSeconds(1)));
        sweeper.sweep();
        assertThat(sizes()).as("grew by 1 and 10 s passed").containsExactly(5L, 4L, 1L);

        sweeper(Clock.offset(clock, Duration.ofMinutes(5)));
        sweeper.sweep();
        assertThat(sizes()).as("did not grow").containsExactly(5L, 4L, 1L);

        VerifierKey key = VerifierKey.parse(signer.verifierKey());
        StoredCheckpoint latest = checkpoints.latest().orElseThrow();
        SignedNote note = SignedNote.parse(latest.note());
        assertThat(note.verifiedBy(key)).isTrue();
        assertThat(Checkpoint.parse(note.text()).rootHash()).isEqualTo(latest.rootHash());
    }

    @Test
    void aCheckpointKafkaDidNotAcknowledgeIsSentAgainAndTheLaterOnesWaitBehindIt() {
        append(1);
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")))
                .thenReturn(acknowledged());
        sweeper.sweep();
        append(3);
        sweeper.sweep();

        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = recordsSent(3);
        List<String> keys = sent.getAllValues().stream().map(ProducerRecord::key).toList();
        assertThat(keys).as("1 failed, then 1 again and 4 in order").containsExactly("1", "1", "4");
        ProducerRecord<String, byte[]> last = sent.getValue();
        assertThat(last.topic()).isEqualTo(Topics.AUDIT_CHECKPOINTS);
        assertThat(new String(last.value(), StandardCharsets.UTF_8))
                .isEqualTo(checkpoints.latest().orElseThrow().note());
        assertThat(new String(last.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("ru.frmr.audit.checkpoint");

        sweeper.sweep();
        recordsSent(3);
    }

    @Test
    void aLaterCheckpointIsNeverAcknowledgedWhileAnEarlierOneIsNot() {
        append(1);
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")))
                .thenReturn(acknowledged());
        sweeper.sweep();
        append(3);
        // Checkpoints 1 and 4 wait; 1 fails again, so 4 is not sent (were it acknowledged, the next sweep would start
        // above it and 1 would never reach the topic).
        sweeper.sweep();
        assertThat(recordsSent(2).getAllValues().stream().map(ProducerRecord::key).toList()).containsExactly("1", "1");

        sweeper.sweep();
        assertThat(recordsSent(4).getAllValues().stream().map(ProducerRecord::key).toList())
                .containsExactly("1", "1", "1", "4");
    }

    @SuppressWarnings("unchecked")
    private ArgumentCaptor<ProducerRecord<String, byte[]>> recordsSent(int count) {
        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka, times(count)).send(sent.capture());
        return sent;
    }

    private static CompletableFuture<SendResult<String, byte[]>> acknowledged() {
        return CompletableFuture.completedFuture(null);
    }

    private List<Long> sizes() {
        return checkpoints.page(0, 100).stream().map(StoredCheckpoint::treeSize).toList();
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            ledger.append(LedgerTestEvents.event(++appended));
        }
    }
}
