package ru.frmr.audit.ledger.checkpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The signed checkpoints ({@value #COLLECTION}, one per tree size: its {@code _id}) and which of them Kafka
 * acknowledged ({@value #PUBLICATIONS}, one marker per tree size). Both are insert only, like the ledger.
 */
public class Checkpoints {

    public static final String COLLECTION = "audit_checkpoints";
    public static final String PUBLICATIONS = "audit_checkpoint_publications";

    private static final String ROOT = "rootHash";
    private static final String NOTE = "note";
    private static final String CREATED_AT = "createdAt";
    private static final String PUBLISHED_AT = "publishedAt";

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> publications;

    public Checkpoints(MongoCollection<Document> checkpoints, MongoCollection<Document> publications) {
        this.checkpoints = checkpoints;
        this.publications = publications;
    }

    /** Stores it unless a checkpoint of its size exists (another replica made it: the same note). */
    public void add(StoredCheckpoint checkpoint) {
        insertIgnoringDuplicate(checkpoints, new Document("_id", checkpoint.treeSize())
                .append(ROOT, new Binary(checkpoint.rootHash()))
                .append(NOTE, checkpoint.note())
                .append(CREATED_AT, Date.from(checkpoint.createdAt())));
    }

    public Optional<StoredCheckpoint> latest() {
        return Optional.ofNullable(checkpoints.find().sort(Sorts.descending("_id")).limit(1).first())
                .map(Checkpoints::toCheckpoint);
    }

    /** Newest first. */
    public List<StoredCheckpoint> page(int page, int size) {
        List<StoredCheckpoint> items = new ArrayList<>(size);
        checkpoints.find().sort(Sorts.descending("_id")).skip(page * size).limit(size)
                .map(Checkpoints::toCheckpoint).into(items);
        return items;
    }

    public long count() {
        // From the collection's metadata, not a scan: checkpoints are only ever inserted, so it is exact.
        return checkpoints.estimatedDocumentCount();
    }

    /**
     * The oldest checkpoints after the newest one Kafka acknowledged, in order: published in order, so a
     * subscriber never sees a larger tree before a smaller one that is still owed.
     */
    List<StoredCheckpoint> unpublished(int batch) {
        Document lastPublished = publications.find().sort(Sorts.descending("_id")).limit(1).first();
        long after = lastPublished == null ? 0 : lastPublished.getLong("_id");
        List<StoredCheckpoint> items = new ArrayList<>(batch);
        checkpoints.find(Filters.gt("_id", after)).sort(Sorts.ascending("_id")).limit(batch)
                .map(Checkpoints::toCheckpoint).into(items);
        return items;
    }

    void markPublished(long treeSize, Instant at) {
        insertIgnoringDuplicate(publications, new Document("_id", treeSize).append(PUBLISHED_AT, Date.from(at)));
    }

    private static void insertIgnoringDuplicate(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static StoredCheckpoint toCheckpoint(Document doc) {
        return new StoredCheckpoint(doc.getLong("_id"), doc.get(ROOT, Binary.class).getData(), doc.getString(NOTE),
                doc.getDate(CREATED_AT).toInstant());
    }
}
