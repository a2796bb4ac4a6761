package ru.frmr.kit.consumer;

import java.time.Clock;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which event ids each consumer has applied. The document id is {@code consumer|eventId}, so the
 * primary key itself guarantees one record per event and consumer, on any MongoDB.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean contains(String consumer, String eventId) {
        return collection().find(Filters.eq("_id", key(consumer, eventId))).first() != null;
    }

    /** Records the event as applied; a second call for the same event is a no-op. */
    public void markProcessed(String consumer, ReceivedEvent event) {
        Document doc = new Document("_id", key(consumer, event.id()))
                .append("consumer", consumer)
                .append("eventId", event.id())
                .append("type", event.type())
                .append("topic", event.topic())
                .append("partition", event.partition())
                .append("offset", event.offset())
                .append("processedAt", clock.instant());
        try {
            collection().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static String key(String consumer, String eventId) {
        return consumer + "|" + eventId;
    }
}
