package ru.frmr.documents.certificate.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The persisted e-mail deliveries; a delivery's state only moves forward. */
@Component
class MailDeliveries {

    private final MongoTemplate mongo;

    MailDeliveries(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(MailDelivery.class).ensureIndex(new Index("state", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC));
    }

    void schedule(String requestId, String workerId, String number, Instant at) {
        try {
            mongo.insert(new MailDelivery(requestId, workerId, number, MailDelivery.State.PENDING, 0, at));
        } catch (DuplicateKeyException scheduledBefore) {
            // The same event again: one delivery is what we want.
        }
    }

    List<MailDelivery> due(Instant now, Set<String> passOver, int limit) {
        return mongo.find(Query.query(Criteria.where("state").in(MailDelivery.State.PENDING, MailDelivery.State.SENT)
                .and("nextAttemptAt").lte(now).and("_id").nin(passOver)).limit(limit), MailDelivery.class);
    }

    void retryAt(String requestId, int attempts, Instant next) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("state").is(MailDelivery.State.PENDING)),
                new Update().set("attempts", attempts).set("nextAttemptAt", next), MailDelivery.class);
    }

    void moveTo(String requestId, MailDelivery.State state) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)), Update.update("state", state),
                MailDelivery.class);
    }
}
