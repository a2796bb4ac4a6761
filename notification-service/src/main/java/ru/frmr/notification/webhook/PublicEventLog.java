package ru.frmr.notification.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every event seen on {@code frmr.public.events}, as the structured CloudEvent JSON that webhooks carry, kept for
 * replays ({@code _id} = the CloudEvent id, so an event received twice is stored once). Public events carry no
 * personal data by contract, so storing them in clear is safe.
 */
@Component
public class PublicEventLog {

    static final String COLLECTION = "webhook_events";

    private final MongoTemplate mongo;

    PublicEventLog(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(new Index("type", Sort.Direction.ASC).on("time", Sort.Direction.ASC));
    }

    /** One stored event: the body is sent byte for byte on every attempt and replay. */
    public record StoredEvent(String eventId, String type, Instant time, String body) {
    }

    void keep(StoredEvent event) {
        try {
            mongo.insert(new Document("_id", event.eventId()).append("type", event.type())
                    .append("time", Date.from(event.time())).append("body", event.body()), COLLECTION);
        } catch (DuplicateKeyException seenBefore) {
            // Received again (at-least-once): the first copy is the one every delivery sends.
        }
    }

    Optional<StoredEvent> find(String eventId) {
        return Optional.ofNullable(mongo.findById(eventId, Document.class, COLLECTION)).map(PublicEventLog::of);
    }

    /** The events of these types at or after {@code since}, oldest first. */
    List<StoredEvent> since(Instant since, Collection<String> types) {
        return mongo.find(Query.query(Criteria.where("type").in(types).and("time").gte(Date.from(since)))
                .with(Sort.by("time", "_id")), Document.class, COLLECTION).stream().map(PublicEventLog::of).toList();
    }

    private static StoredEvent of(Document d) {
        return new StoredEvent(d.getString("_id"), d.getString("type"), d.getDate("time").toInstant(),
                d.getString("body"));
    }
}
