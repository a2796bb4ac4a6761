package ru.frmr.employer.query.discrepancy;

import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The discrepancies read model. Every write is conditional on the event's sequence number: replays change nothing. */
@Component
public class DiscrepancyViews {

    private final MongoTemplate mongo;

    DiscrepancyViews(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(DiscrepancyView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC));
        mongo.indexOps(DiscrepancyView.class).ensureIndex(new Index("organizationId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC));
        mongo.indexOps(DiscrepancyView.class).ensureIndex(new Index("escalated", Sort.Direction.ASC));
        // The count of those overdue and still unanswered (a gauge, read every few seconds).
        mongo.indexOps(DiscrepancyView.class).ensureIndex(new Index("status", Sort.Direction.ASC));
    }

    /** How many discrepancies are overdue and still unanswered. */
    public long overdueOpenCount() {
        return mongo.count(Query.query(Criteria.where("status").is(DiscrepancyStatus.OVERDUE)), DiscrepancyView.class);
    }

    void insert(DiscrepancyView view) {
        try {
            mongo.insert(view);
        } catch (DuplicateKeyException appliedBefore) {
            // A replayed or re-delivered event.
        }
    }

    void updateIfNewer(String id, long version, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").lt(version)),
                update.set("version", version), DiscrepancyView.class);
    }

    /** One page of a worker's discrepancies, newest first. */
    public Page ofWorker(String workerId, DiscrepancyStatus status, int page, int size) {
        return page(Criteria.where("workerId").is(workerId), status, Sort.by(Sort.Direction.DESC, "filedAt"), page,
                size);
    }

    /** One page of an organisation's discrepancies, the soonest due first. */
    public Page ofOrganization(String organizationId, DiscrepancyStatus status, int page, int size) {
        return page(Criteria.where("organizationId").is(organizationId), status,
                Sort.by(Sort.Direction.ASC, "overdueAt").and(Sort.by("filedAt")), page, size);
    }

    /** One page of the escalated discrepancies, the longest overdue first. */
    public Page escalated(int page, int size) {
        return page(Criteria.where("escalated").is(true), null, Sort.by(Sort.Direction.ASC, "overdueAt"), page, size);
    }

    /** Like {@link #escalated(int, int)}, only those of these organisations. */
    public Page escalatedIn(Collection<String> organizationIds, int page, int size) {
        return page(Criteria.where("escalated").is(true).and("organizationId").in(organizationIds), null,
                Sort.by(Sort.Direction.ASC, "overdueAt"), page, size);
    }

    private Page page(Criteria criteria, DiscrepancyStatus status, Sort sort, int page, int size) {
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, DiscrepancyView.class);
        List<DiscrepancyView> items = mongo.find(Query.query(criteria).with(sort).skip((long) page * size)
                .limit(size), DiscrepancyView.class);
        return new Page(items, total);
    }

    public record Page(List<DiscrepancyView> items, long total) {
    }
}
