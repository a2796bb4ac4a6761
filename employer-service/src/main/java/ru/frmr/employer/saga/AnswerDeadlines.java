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
 * The persisted answer deadlines. Settling is one-way, so the projection (which schedules and settles on
 * answers) and the sweepers of any replica (which settle what they escalated) never undo each other's work.
 */
@Component
class AnswerDeadlines {

    private final MongoTemplate mongo;

    AnswerDeadlines(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AnswerDeadline.class).ensureIndex(
                new Index("settled", Sort.Direction.ASC).on("overdueAt", Sort.Direction.ASC));
    }

    void schedule(String discrepancyId, Instant overdueAt) {
        try {
            mongo.insert(new AnswerDeadline(discrepancyId, overdueAt, false));
        } catch (DuplicateKeyException scheduledBefore) {
            // A replayed or re-delivered event: the deadline is there (and perhaps settled already).
        }
    }

    /** Settles it, or records it settled if the event that settles it came before the one that schedules it. */
    void settle(String discrepancyId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(discrepancyId)), Update.update("settled", true),
                AnswerDeadline.class);
    }

    /** Unsettled deadlines that have passed by {@code now}, oldest first, leaving out {@code passOver}. */
    List<AnswerDeadline> due(Instant now, Set<String> passOver, int limit) {
        Query query = Query.query(Criteria.where("settled").is(false).and("overdueAt").lte(now)
                        .and("_id").nin(passOver))
                .with(Sort.by("overdueAt"))
                .limit(limit);
        return mongo.find(query, AnswerDeadline.class);
    }
}
