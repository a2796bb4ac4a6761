package ru.frmr.auth;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.EmbeddedMongo;

/** An in-memory Mongo wire server and a template on it, for unit tests of Mongo-backed stores. */
public final class TestMongo implements AutoCloseable {

    private final EmbeddedMongo server = EmbeddedMongo.inMemory();
    private final MongoClient client = MongoClients.create(server.connectionString());

    public MongoTemplate template(String database) {
        return new MongoTemplate(client, database);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
