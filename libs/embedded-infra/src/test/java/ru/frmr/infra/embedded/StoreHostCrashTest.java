package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Mongo wire server acknowledged survives a SIGKILL of the process holding it: the stock H2 backend
 * commits in the background about once a second, so the writes of the last second were lost.
 */
class StoreHostCrashTest {

    private static final int WRITES = 40;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsOnDiskWhenTheProcessIsKilled() {
        int port = Ports.pickFree(1)[0];
        try (StoreHost host = StoreHost.start(dir, port, 0, 0, dir.resolve("store-host.log"));
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            // The production settings (majority, journaled writes; majority reads) must work here too.
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs")
                    .withWriteConcern(WriteConcern.MAJORITY.withJournal(true))
                    .withReadConcern(ReadConcern.MAJORITY);
            docs.insertOne(new Document("_id", 0).append("version", 0));
            for (int i = 1; i < WRITES; i++) {
                // Each an acknowledged write of its own: one new document, one change of an existing one.
                docs.insertOne(new Document("_id", i).append("version", 0));
                docs.updateOne(new Document("_id", 0), new Document("$set", new Document("version", i)));
            }
            assertThat(docs.countDocuments()).isEqualTo(WRITES);
            host.kill();
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.h2(dir.resolve("mongo.mv.db"), "127.0.0.1", port);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            List<Integer> ids = docs.find().map(d -> d.getInteger("_id")).into(new ArrayList<>());
            assertThat(ids).containsExactlyInAnyOrderElementsOf(IntStream.range(0, WRITES).boxed().toList());
            assertThat(docs.find(new Document("_id", 0)).first()).containsEntry("version", WRITES - 1);
        }
    }
}
