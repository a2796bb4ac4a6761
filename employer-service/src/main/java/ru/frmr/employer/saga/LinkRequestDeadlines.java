package ru.frmr.employer.saga;

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

/**
 * The persisted deadlines of link requests: they outlive a restart, and any replica's sweeper finds them. A
 * deadline only ever goes from unsettled to settled, so the projection and the sweepers never undo each other.
 */
@Component
class LinkRequestDeadlines {

    private final MongoTemplate mongo;

    LinkRequestDeadlines(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(LinkRequestDeadline.class).ensureIndex(
                new Index("settled", Sort.Direction.ASC).on("expiresAt", Sort.Direction.ASC));
    }

    void schedule(String requestId, String membershipId, Instant expiresAt) {
        try {
            mongo.insert(new LinkRequestDeadline(requestId, membershipId, expiresAt, false));
        } catch (DuplicateKeyException scheduledBefore) {
            // The same event again: one deadline is what we want.
        }
    }

    void settle(String requestId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)), Update.update("settled", true),
                LinkRequestDeadline.class);
    }

    /** Unsettled deadlines at or before {@code now}, leaving out {@code passOver}. */
    List<LinkRequestDeadline> due(Instant now, Set<String> passOver, int limit) {
        Query query = Query.query(Criteria.where("settled").is(false).and("expiresAt").lte(now)
                .and("_id").nin(passOver)).limit(limit);
        return mongo.find(query, LinkRequestDeadline.class);
    }
}
