package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aWriteIsCommittedBeforeItsAnswer() {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("mongo.mv.db"));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> docs = client.getDatabase("d").getCollection("docs");
            long before = backend.getMvStore().getCurrentVersion();

            docs.insertOne(new Document("_id", 1));

            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.getMvStore().getCurrentVersion()).isGreaterThan(before);
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * What a reader may have seen (a change another connection made and has not yet committed) is on disk before
     * the reader's answer: the Kafka relay must never publish an event a crash can still take back.
     */
    @Test
    void aReadCommitsChangesStillPendingFromElsewhere() {
        DurableH2Backend backend = DurableH2Backend.open(dir.resolve("mongo.mv.db"));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> docs = client.getDatabase("d").getCollection("docs");
            docs.insertOne(new Document("_id", 1));
            // Stands in for a write of another connection caught between its change and its commit.
            backend.getMvStore().openMap("pending-elsewhere").put("k", "v");
            assertThat(backend.getMvStore().hasUnsavedChanges()).isTrue();

            assertThat(docs.find().first()).isNotNull();

            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
        } finally {
            server.shutdownNow();
        }
    }
}
