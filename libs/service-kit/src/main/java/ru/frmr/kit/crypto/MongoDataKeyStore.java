package ru.frmr.kit.crypto;

import java.time.Clock;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The collection {@code personal_data_keys}, one document per subject with {@code _id} = subject id, so the
 * primary key makes key creation insert-if-absent on any number of replicas: the loser of a race gets a
 * duplicate key error and reads the winner's key. Shredding unsets the wrapped key in place, leaving a
 * tombstone.
 */
public class MongoDataKeyStore implements DataKeyStore {

    static final String COLLECTION = "personal_data_keys";

    private final MongoTemplate mongo;
    private final Clock clock;

    public MongoDataKeyStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Optional<StoredDataKey> find(String subjectId) {
        Document doc = collection().find(Filters.eq("_id", subjectId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        Binary wrapped = doc.get("wrappedKey", Binary.class);
        return Optional.of(new StoredDataKey(subjectId, ((Number) doc.get("generation")).longValue(),
                doc.getString("masterKeyId"), wrapped == null ? null : wrapped.getData()));
    }

    @Override
    public boolean insertIfAbsent(StoredDataKey key) {
        try {
            collection().insertOne(new Document("_id", key.subjectId())
                    .append("generation", key.generation())
                    .append("masterKeyId", key.masterKeyId())
                    .append("wrappedKey", new Binary(key.wrappedKey()))
                    .append("createdAt", clock.instant()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void shred(String subjectId) {
        Bson update = Updates.combine(
                Updates.unset("wrappedKey"),
                Updates.unset("masterKeyId"),
                Updates.set("shreddedAt", clock.instant()),
                Updates.setOnInsert("generation", 0L));
        try {
            collection().updateOne(Filters.eq("_id", subjectId), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another replica created the record between our match and insert; it exists now, so update it.
            collection().updateOne(Filters.eq("_id", subjectId), update);
        }
    }

    @Override
    public boolean replaceTombstone(StoredDataKey replacement) {
        Bson tombstone = Filters.and(
                Filters.eq("_id", replacement.subjectId()),
                Filters.eq("generation", replacement.generation() - 1),
                Filters.exists("wrappedKey", false));
        Bson update = Updates.combine(
                Updates.set("generation", replacement.generation()),
                Updates.set("masterKeyId", replacement.masterKeyId()),
                Updates.set("wrappedKey", new Binary(replacement.wrappedKey())),
                Updates.set("createdAt", clock.instant()),
                Updates.unset("shreddedAt"));
        return collection().updateOne(tombstone, update).getModifiedCount() == 1;
    }

    @Override
    public boolean rewrap(StoredDataKey current, String masterKeyId, byte[] wrappedKey) {
        Bson unchanged = Filters.and(
                Filters.eq("_id", current.subjectId()),
                Filters.eq("generation", current.generation()),
                Filters.eq("masterKeyId", current.masterKeyId()));
        Bson update = Updates.combine(
                Updates.set("masterKeyId", masterKeyId),
                Updates.set("wrappedKey", new Binary(wrappedKey)),
                Updates.set("rewrappedAt", clock.instant()));
        return collection().updateOne(unchanged, update).getModifiedCount() == 1;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    @Override
    public String toString() {
        return "MongoDataKeyStore[" + COLLECTION + "]";
    }
}
