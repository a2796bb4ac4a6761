package ru.frmr.registry.expiry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The persisted schedule of licence notices. State changes are conditional on the state read, so the
 * projection (which schedules and cancels) and the sweepers of any replica (which issue) never undo each
 * other's work: an issued notice stays issued.
 */
@Component
class LicenseNotices {

    private final MongoTemplate mongo;

    LicenseNotices(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(LicenseNotice.class).ensureIndex(new Index("workerId", Sort.Direction.ASC));
        mongo.indexOps(LicenseNotice.class).ensureIndex(
                new Index("state", Sort.Direction.ASC).on("dueOn", Sort.Direction.ASC));
    }

    /**
     * Brings a worker's schedule to {@code wanted}: pending notices no longer wanted are cancelled, wanted
     * ones are added, and cancelled ones wanted again (a removal or renewal undone) come back in their
     * initial state. Issued and skipped notices stay as they are.
     */
    void reconcile(String workerId, Collection<LicenseNotice> wanted) {
        Map<String, LicenseNotice> existing = of(workerId).stream()
                .collect(Collectors.toMap(LicenseNotice::id, Function.identity()));
        Set<String> wantedIds = wanted.stream().map(LicenseNotice::id).collect(Collectors.toSet());
        for (LicenseNotice notice : existing.values()) {
            if (!wantedIds.contains(notice.id())) {
                changeState(notice.id(), NoticeState.PENDING, NoticeState.CANCELLED);
            }
        }
        for (LicenseNotice notice : wanted) {
            LicenseNotice stored = existing.get(notice.id());
            if (stored == null) {
                insert(notice);
            } else if (stored.state() == NoticeState.CANCELLED) {
                changeState(notice.id(), NoticeState.CANCELLED, notice.state());
            }
        }
    }

    /** Pending notices due on or before {@code today}, leaving out {@code passOver}. */
    List<LicenseNotice> due(LocalDate today, Set<String> passOver, int limit) {
        Query query = Query.query(Criteria.where("state").is(NoticeState.PENDING)
                        .and("dueOn").lte(today.toString())
                        .and("_id").nin(passOver))
                .limit(limit);
        return mongo.find(query, LicenseNotice.class);
    }

    /** How many pending notices are due on or before {@code today}: a count on the (state, dueOn) index. */
    long dueCount(LocalDate today) {
        return mongo.count(Query.query(Criteria.where("state").is(NoticeState.PENDING)
                .and("dueOn").lte(today.toString())), LicenseNotice.class);
    }

    /** Unconditional: once the record has issued a notice, that is what it is, whatever was decided meanwhile. */
    void markIssued(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("state", NoticeState.ISSUED),
                LicenseNotice.class);
    }

    void markSkipped(String id) {
        changeState(id, NoticeState.PENDING, NoticeState.SKIPPED);
    }

    List<LicenseNotice> of(String workerId) {
        return mongo.find(Query.query(Criteria.where("workerId").is(workerId)), LicenseNotice.class);
    }

    private void changeState(String id, NoticeState from, NoticeState to) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is(from)),
                Update.update("state", to), LicenseNotice.class);
    }

    private void insert(LicenseNotice notice) {
        try {
            mongo.insert(notice);
        } catch (DuplicateKeyException scheduledMeanwhile) {
            // Another writer scheduled the same notice (same deterministic id): one is what we want.
        }
    }
}
