package ru.frmr.notification.delivery.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.notification.delivery.query.DeliveryRecord.Status;

/** The {@code deliveries} read model: what is due, what failed. */
@Component
public class Deliveries {

    private final MongoTemplate mongo;

    Deliveries(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(DeliveryRecord.class).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC));
    }

    /** Pending messages due at {@code now}, oldest due first. */
    public List<DeliveryRecord> due(Instant now, Set<String> passOver, int limit) {
        return mongo.find(Query.query(Criteria.where("status").is(Status.PENDING).and("dueAt").lte(now)
                .and("_id").nin(passOver)).with(Sort.by("dueAt")).limit(limit), DeliveryRecord.class);
    }

    /** Failed messages, the latest failure first. */
    public List<DeliveryRecord> failed(int page, int size) {
        return mongo.find(failedQuery().with(Sort.by(Sort.Direction.DESC, "failedAt")).skip((long) page * size)
                .limit(size), DeliveryRecord.class);
    }

    public long failedCount() {
        return mongo.count(failedQuery(), DeliveryRecord.class);
    }

    public long pendingCount() {
        return mongo.count(Query.query(Criteria.where("status").is(Status.PENDING)), DeliveryRecord.class);
    }

    private static Query failedQuery() {
        return Query.query(Criteria.where("status").is(Status.FAILED));
    }
}
