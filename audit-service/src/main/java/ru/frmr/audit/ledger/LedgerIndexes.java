package ru.frmr.audit.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The unique indexes the append algorithm relies on: one entry per sequence (so two writers racing for the
 * same place cannot both win) and one entry per event id (so an event is recorded once); and the indexes
 * behind the query API's usual questions (one subject's trail, a time window). Creating an existing index
 * is a no-op, so every replica may run this at start.
 */
public final class LedgerIndexes {

    private LedgerIndexes() {
    }

    public static void ensure(MongoCollection<Document> ledger) {
        ledger.createIndex(Indexes.ascending(LedgerDocuments.SEQUENCE),
                new IndexOptions().unique(true).name("sequence_unique"));
        ledger.createIndex(Indexes.ascending(LedgerDocuments.EVENT_ID),
                new IndexOptions().unique(true).name("eventId_unique"));
        ledger.createIndex(Indexes.ascending(LedgerDocuments.SUBJECT, LedgerDocuments.SEQUENCE),
                new IndexOptions().name("subject_sequence"));
        ledger.createIndex(Indexes.ascending(LedgerDocuments.TIME), new IndexOptions().name("time"));
        // The audit log browsed by event type, in ledger order.
        ledger.createIndex(Indexes.ascending(LedgerDocuments.TYPE, LedgerDocuments.SEQUENCE),
                new IndexOptions().name("type_sequence"));
    }
}
