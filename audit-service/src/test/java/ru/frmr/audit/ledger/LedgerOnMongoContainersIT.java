package ru.frmr.audit.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import ru.frmr.infra.embedded.containers.ContainerTestInfra;
import ru.frmr.infra.embedded.containers.RequiresDocker;

/**
 * {@link LedgerOnMongoContract} on a real MongoDB replica set (-Ptestcontainers): the unique indexes on the sequence
 * and the event id, which keep concurrent writers gap-free, enforced by the server production runs.
 */
@RequiresDocker
class LedgerOnMongoContainersIT extends LedgerOnMongoContract {

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(ContainerTestInfra.get().mongoUri("audit"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    protected MongoClient client() {
        return client;
    }
}
