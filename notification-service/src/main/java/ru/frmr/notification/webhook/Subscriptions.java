package ru.frmr.notification.webhook;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.notification.webhook.Subscription.SubscriptionStatus;

/** Webhook subscriptions in Mongo, one document each ({@code _id} = the subscription id). */
@Component
public class Subscriptions {

    static final String COLLECTION = "webhook_subscriptions";

    private final MongoTemplate mongo;

    Subscriptions(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(new Index("agencyId", Sort.Direction.ASC));
        // Everyone's subscriptions, oldest first, in this index's order.
        mongo.indexOps(COLLECTION).ensureIndex(new Index("createdAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).ensureIndex(new Index("eventTypes", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC));
    }

    void add(Subscription s) {
        mongo.insert(new Document("_id", s.subscriptionId()).append("agencyId", s.agencyId()).append("url", s.url())
                .append("eventTypes", s.eventTypes()).append("description", s.description())
                .append("status", s.status().name()).append("disabledReason", s.disabledReason())
                .append("createdAt", Date.from(s.createdAt())).append("secret", s.sealedSecret()), COLLECTION);
    }

    public Optional<Subscription> find(String subscriptionId) {
        return Optional.ofNullable(mongo.findById(subscriptionId, Document.class, COLLECTION)).map(Subscriptions::of);
    }

    /** An agency's subscriptions, or everyone's for {@code null}, oldest first. */
    List<Subscription> list(String agencyId) {
        Query query = agencyId == null ? new Query() : Query.query(Criteria.where("agencyId").is(agencyId));
        return mongo.find(query.with(Sort.by("createdAt", "_id")), Document.class, COLLECTION).stream()
                .map(Subscriptions::of).toList();
    }

    /** The ACTIVE subscriptions to this event type. */
    List<Subscription> activeFor(String eventType) {
        return mongo.find(Query.query(Criteria.where("eventTypes").is(eventType)
                        .and("status").is(SubscriptionStatus.ACTIVE.name())), Document.class, COLLECTION).stream()
                .map(Subscriptions::of).toList();
    }

    /** @return true when it was ACTIVE and is DISABLED now */
    boolean disable(String subscriptionId, String reason) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(subscriptionId)
                        .and("status").is(SubscriptionStatus.ACTIVE.name())),
                new Update().set("status", SubscriptionStatus.DISABLED.name()).set("disabledReason", reason),
                COLLECTION).getModifiedCount() == 1;
    }

    void enable(String subscriptionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subscriptionId)),
                new Update().set("status", SubscriptionStatus.ACTIVE.name()).unset("disabledReason"), COLLECTION);
    }

    /** The ids of the agency's subscriptions that were ACTIVE and are DISABLED now. */
    List<String> disableAllOf(String agencyId, String reason) {
        List<String> active = mongo.find(Query.query(Criteria.where("agencyId").is(agencyId)
                .and("status").is(SubscriptionStatus.ACTIVE.name())), Document.class, COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
        return active.stream().filter(id -> disable(id, reason)).toList();
    }

    void delete(String subscriptionId) {
        mongo.remove(Query.query(Criteria.where("_id").is(subscriptionId)), COLLECTION);
    }

    private static Subscription of(Document d) {
        return new Subscription(d.getString("_id"), d.getString("agencyId"), d.getString("url"),
                d.getList("eventTypes", String.class), d.getString("description"),
                SubscriptionStatus.valueOf(d.getString("status")), d.getString("disabledReason"),
                d.getDate("createdAt").toInstant(), d.getString("secret"));
    }
}
