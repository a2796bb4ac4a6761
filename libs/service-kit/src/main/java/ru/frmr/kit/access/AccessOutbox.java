package ru.frmr.kit.access;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.access.PersonalDataAccessed;

/**
 * Access records not yet on Kafka, in the service's own Mongo database ({@value #COLLECTION}). A record is written
 * before the data is shown and removed only after Kafka acknowledged it, so none is lost; one may be published
 * twice (a crash between the two), under the same id, which consumers drop.
 */
public class AccessOutbox {

    public static final String COLLECTION = "access_outbox";

    private final MongoCollection<Document> collection;

    public AccessOutbox(MongoCollection<Document> collection) {
        this.collection = collection;
        // The relay's read (oldest first, ties by id) walks this index in order: no sort in memory.
        collection.createIndex(Indexes.ascending("createdAt", "_id"));
    }

    /** All of them or none (one insert; a failure reaches the caller, whose read then fails). */
    void add(List<PersonalDataAccessed> records) {
        List<Document> documents = new ArrayList<>(records.size());
        for (PersonalDataAccessed record : records) {
            Document document = new Document("_id", record.accessId())
                    .append("event", new String(ContractJson.toBytes(record), StandardCharsets.UTF_8))
                    .append("createdAt", Date.from(record.occurredAt()));
            documents.add(document);
        }
        if (!documents.isEmpty()) {
            collection.insertMany(documents);
        }
    }

    /** The oldest waiting records, at most {@code batch}. */
    List<PersonalDataAccessed> oldest(int batch) {
        List<PersonalDataAccessed> pending = new ArrayList<>();
        for (Document document : collection.find().sort(Sorts.ascending("createdAt", "_id")).limit(batch)) {
            pending.add(ContractJson.fromBytes(document.getString("event").getBytes(StandardCharsets.UTF_8),
                    PersonalDataAccessed.class));
        }
        return pending;
    }

    void remove(String accessId) {
        collection.deleteOne(Filters.eq("_id", accessId));
    }

    long size() {
        // From the collection's metadata: a gauge read every scrape must not scan the outbox.
        return collection.estimatedDocumentCount();
    }
}
