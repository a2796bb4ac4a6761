package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @TempDir
    Path dir;

    @Test
    void inMemoryServerStoresAndFindsDocuments() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            MongoCollection<Document> docs = client.getDatabase("memory").getCollection("docs");
            docs.insertOne(new Document("_id", 1).append("status", "NEW"));

            assertThat(docs.find(new Document("status", "NEW")).first()).containsEntry("_id", 1);
        }
    }

    @Test
    void h2BackendKeepsDataAfterCloseAndReopen() {
        Path file = dir.resolve("nested/mongo.mv.db");
        int port = Ports.pickFree(1)[0];

        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, "127.0.0.1", port);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("durable").getCollection("docs").insertOne(new Document("_id", "kept"));
        }

        try (EmbeddedMongo reopened = EmbeddedMongo.h2(file, "127.0.0.1", port);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("durable").getCollection("docs").countDocuments()).isEqualTo(1);
        }
    }
}
