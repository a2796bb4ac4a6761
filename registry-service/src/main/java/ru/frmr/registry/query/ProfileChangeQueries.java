package ru.frmr.registry.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of submitted changes. */
@Service
public class ProfileChangeQueries {

    /** Oldest first; the id breaks ties so that pages do not shift between requests. */
    private static final Sort OLDEST_FIRST = Sort.by("submittedAt", "_id");

    private final MongoTemplate mongo;

    public ProfileChangeQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        // A worker's changes and the moderation queue, each oldest first in these indexes' order.
        mongo.indexOps(ProfileChangeView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(ProfileChangeView.class).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    public Optional<ProfileChangeView> byId(String changeId) {
        return Optional.ofNullable(mongo.findById(changeId, ProfileChangeView.class));
    }

    /** @param status null for every change */
    public List<ProfileChangeView> ofWorker(String workerId, ChangeStatus status) {
        Criteria criteria = Criteria.where("workerId").is(workerId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(OLDEST_FIRST), ProfileChangeView.class);
    }

    public long pendingCount(String workerId) {
        return mongo.count(Query.query(Criteria.where("workerId").is(workerId).and("status").is(ChangeStatus.PENDING)),
                ProfileChangeView.class);
    }

    /** {@link #pendingCount} of each of these workers at once; workers without pending changes are missing. */
    public Map<String, Long> pendingCounts(Collection<String> workerIds) {
        Query query = Query.query(Criteria.where("workerId").in(workerIds).and("status").is(ChangeStatus.PENDING));
        query.fields().include("workerId");
        return mongo.find(query, ProfileChangeView.class).stream()
                .collect(Collectors.groupingBy(ProfileChangeView::workerId, Collectors.counting()));
    }

    public List<ProfileChangeView> pending(int page, int size) {
        return mongo.find(pendingQuery().with(OLDEST_FIRST).skip((long) page * size).limit(size),
                ProfileChangeView.class);
    }

    public long pendingTotal() {
        return mongo.count(pendingQuery(), ProfileChangeView.class);
    }

    /** When the change that has waited longest was submitted; empty when none waits. */
    public Optional<Instant> oldestPendingSubmittedAt() {
        Query query = pendingQuery().with(OLDEST_FIRST).limit(1);
        query.fields().include("submittedAt");
        return Optional.ofNullable(mongo.findOne(query, ProfileChangeView.class)).map(ProfileChangeView::submittedAt);
    }

    private static Query pendingQuery() {
        return Query.query(Criteria.where("status").is(ChangeStatus.PENDING));
    }
}
