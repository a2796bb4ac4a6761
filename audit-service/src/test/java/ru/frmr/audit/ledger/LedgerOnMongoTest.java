package ru.frmr.audit.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import ru.frmr.infra.embedded.EmbeddedMongo;

/** {@link LedgerOnMongoContract} on the Mongo wire server of this JVM. */
class LedgerOnMongoTest extends LedgerOnMongoContract {

    private static EmbeddedMongo mongo;
    private static MongoClient client;

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

    @Override
    protected MongoClient client() {
        return client;
    }
}
