package ru.frmr.notification.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
        // A replay's pages (types, then by time and id) come in this index's order: no sort in memory.
        mongo.indexOps(COLLECTION).ensureIndex(new Index("type", Sort.Direction.ASC).on("time", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
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

    /**
     * The events of these types at or after {@code since}, oldest first, read {@code pageSize} at a time (by the
     * last one's time and id, so events stored meanwhile neither shift nor repeat a page) and passed to {@code each}.
     */
    void forEachSince(Instant since, Collection<String> types, int pageSize, Consumer<StoredEvent> each) {
        Criteria after = Criteria.where("time").gte(Date.from(since));
        while (true) {
            List<StoredEvent> page = mongo.find(Query.query(Criteria.where("type").in(types).andOperator(after))
                            .with(Sort.by("time", "_id")).limit(pageSize), Document.class, COLLECTION).stream()
                    .map(PublicEventLog::of).toList();
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            StoredEvent last = page.get(page.size() - 1);
            Date lastTime = Date.from(last.time());
            after = new Criteria().orOperator(Criteria.where("time").gt(lastTime),
                    Criteria.where("time").is(lastTime).and("_id").gt(last.eventId()));
        }
    }

    private static StoredEvent of(Document d) {
        return new StoredEvent(d.getString("_id"), d.getString("type"), d.getDate("time").toInstant(),
                d.getString("body"));
    }
}
