package ru.frmr.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.notification.webhook.WebhookDelivery.DeliveryStatus;

/**
 * Webhook deliveries in Mongo ({@code _id} = a name-based id of what it delivers, so queuing it again adds nothing).
 * An attempt is claimed before it is sent: the claim (one conditional update) bumps the attempt count and takes a
 * lease, so two replicas never send one attempt, and a replica that dies after its claim leaves a lease that runs
 * out and the delivery is attempted again. Results are recorded only by the claim's own attempt number.
 */
@Component
public class WebhookDeliveries {

    static final String COLLECTION = "webhook_deliveries";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final int MAX_ERROR = 200;

    private final MongoTemplate mongo;

    WebhookDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
        // The sweep's order (due first, ties by id) is the index's: no sort in memory.
        mongo.indexOps(COLLECTION).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).ensureIndex(new Index("subscriptionId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC));
    }

    /** The delivery of an event to a subscription as it arrived on Kafka. */
    static String deliveryId(String subscriptionId, String eventId) {
        return nameUuid(subscriptionId + "|" + eventId);
    }

    /** The delivery of an event to a subscription for one replay request. */
    static String replayDeliveryId(String subscriptionId, String eventId, String replayId) {
        return nameUuid(subscriptionId + "|" + eventId + "|replay|" + replayId);
    }

    /**
     * {@code webhook-id}: stable per event (the same on retries, replays and for every subscription). The CloudEvent
     * id where it is a plain token; otherwise a name-based id of it, since the specification forbids a {@code .}.
     */
    static String webhookId(String eventId) {
        return "msg_" + (SAFE_ID.matcher(eventId).matches() ? eventId : nameUuid(eventId));
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @return true when it was new */
    boolean enqueue(String deliveryId, String subscriptionId, String eventId, String eventType, Instant now) {
        try {
            mongo.insert(new Document("_id", deliveryId).append("subscriptionId", subscriptionId)
                    .append("eventId", eventId).append("eventType", eventType).append("webhookId", webhookId(eventId))
                    .append("status", DeliveryStatus.PENDING.name()).append("attempts", 0)
                    .append("nextAttemptAt", Date.from(now)).append("createdAt", Date.from(now)), COLLECTION);
            return true;
        } catch (DuplicateKeyException queuedBefore) {
            return false;
        }
    }

    /** Pending deliveries due at {@code now} and not held by a live claim, earliest first. */
    List<WebhookDelivery> due(Instant now, Set<String> passOver, int batch) {
        return mongo.find(claimable(now).addCriteria(Criteria.where("_id").nin(passOver))
                        .with(Sort.by("nextAttemptAt", "_id")).limit(batch), Document.class, COLLECTION).stream()
                .map(WebhookDeliveries::of).toList();
    }

    /** @return the claimed delivery (attempts counted, lease taken), or empty when another replica has it */
    Optional<WebhookDelivery> claim(String deliveryId, Instant now, Instant leaseUntil) {
        Document claimed = mongo.findAndModify(claimable(now).addCriteria(Criteria.where("_id").is(deliveryId)),
                new Update().inc("attempts", 1).set("leaseUntil", Date.from(leaseUntil)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (claimed == null) {
            return Optional.empty();
        }
        if (claimed.getDate("firstAttemptAt") == null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(deliveryId).and("firstAttemptAt").is(null)),
                    new Update().set("firstAttemptAt", Date.from(now)), COLLECTION);
            claimed.put("firstAttemptAt", Date.from(now));
        }
        return Optional.of(of(claimed));
    }

    void delivered(WebhookDelivery d, int statusCode, Instant now) {
        settle(d, DeliveryStatus.DELIVERED, statusCode, null, now);
    }

    void failed(WebhookDelivery d, Integer statusCode, String error) {
        settle(d, DeliveryStatus.FAILED, statusCode, error, null);
    }

    void cancelled(WebhookDelivery d, Integer statusCode, String error) {
        settle(d, DeliveryStatus.CANCELLED, statusCode, error, null);
    }

    void retryAt(WebhookDelivery d, Integer statusCode, String error, Instant next) {
        mongo.updateFirst(ofAttempt(d), outcome(statusCode, error).set("nextAttemptAt", Date.from(next))
                .unset("leaseUntil"), COLLECTION);
    }

    /** Cancels every pending delivery of the subscription. @return how many */
    long cancelPending(String subscriptionId, String reason) {
        return mongo.updateMulti(Query.query(Criteria.where("subscriptionId").is(subscriptionId)
                        .and("status").is(DeliveryStatus.PENDING.name())),
                new Update().set("status", DeliveryStatus.CANCELLED.name()).set("lastError", reason)
                        .unset("nextAttemptAt").unset("leaseUntil"), COLLECTION).getModifiedCount();
    }

    public record Page(List<WebhookDelivery> items, int page, int size, long total) {
    }

    /** A subscription's deliveries, newest first. */
    Page page(String subscriptionId, int page, int size) {
        Query of = Query.query(Criteria.where("subscriptionId").is(subscriptionId));
        long total = mongo.count(of, COLLECTION);
        List<WebhookDelivery> items = mongo.find(Query.of(of).with(Sort.by(Sort.Order.desc("createdAt"),
                        Sort.Order.desc("_id"))).skip((long) page * size).limit(size), Document.class, COLLECTION)
                .stream().map(WebhookDeliveries::of).toList();
        return new Page(items, page, size, total);
    }

    void deleteOf(String subscriptionId) {
        mongo.remove(Query.query(Criteria.where("subscriptionId").is(subscriptionId)), COLLECTION);
    }

    private static Query claimable(Instant now) {
        Date at = Date.from(now);
        return Query.query(Criteria.where("status").is(DeliveryStatus.PENDING.name()).and("nextAttemptAt").lte(at)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(at)));
    }

    private void settle(WebhookDelivery d, DeliveryStatus status, Integer statusCode, String error, Instant at) {
        Update update = outcome(statusCode, error).set("status", status.name()).unset("nextAttemptAt")
                .unset("leaseUntil");
        if (at != null) {
            update.set("deliveredAt", Date.from(at));
        }
        mongo.updateFirst(ofAttempt(d), update, COLLECTION);
    }

    /** Only the attempt that was claimed records its result: a stale replica's late answer changes nothing. */
    private static Query ofAttempt(WebhookDelivery d) {
        return Query.query(Criteria.where("_id").is(d.deliveryId()).and("attempts").is(d.attempts())
                .and("status").is(DeliveryStatus.PENDING.name()));
    }

    private static Update outcome(Integer statusCode, String error) {
        Update update = new Update();
        if (statusCode == null) {
            update.unset("lastStatusCode");
        } else {
            update.set("lastStatusCode", statusCode);
        }
        if (error == null) {
            update.unset("lastError");
        } else {
            update.set("lastError", error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
        }
        return update;
    }

    private static WebhookDelivery of(Document d) {
        return new WebhookDelivery(d.getString("_id"), d.getString("subscriptionId"), d.getString("eventId"),
                d.getString("eventType"), d.getString("webhookId"), DeliveryStatus.valueOf(d.getString("status")),
                d.getInteger("attempts", 0), d.getInteger("lastStatusCode"), d.getString("lastError"),
                instant(d, "nextAttemptAt"), instant(d, "firstAttemptAt"), instant(d, "deliveredAt"),
                instant(d, "createdAt"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
