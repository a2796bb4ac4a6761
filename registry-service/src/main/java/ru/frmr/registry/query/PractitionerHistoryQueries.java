package ru.frmr.registry.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads of the public change feed, newest version first (as FHIR orders a history): shown versions only, so
 * nobody the register never listed can be found here.
 */
@Service
public class PractitionerHistoryQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "position");

    private final MongoTemplate mongo;

    public PractitionerHistoryQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * One page of versions.
     *
     * @param workerId one worker's versions, or null for every worker's
     * @param since    only versions updated at or after this time; null for all
     * @param before   only versions before this position (the last one of the previous page); null from the newest
     * @param limit    at most this many
     */
    public List<PractitionerVersionView> page(String workerId, Instant since, String before, int limit) {
        Query query = Query.query(Criteria.where("shown").is(true));
        if (workerId != null) {
            query.addCriteria(Criteria.where("workerId").is(workerId));
        }
        if (since != null || before != null) {
            Criteria position = Criteria.where("position");
            if (since != null) {
                position.gte(PractitionerVersionView.positionAt(since));
            }
            if (before != null) {
                position.lt(before);
            }
            query.addCriteria(position);
        }
        return mongo.find(query.with(NEWEST_FIRST).limit(limit), PractitionerVersionView.class);
    }

    public Optional<PractitionerVersionView> version(String workerId, long versionId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("workerId").is(workerId)
                .and("versionId").is(versionId).and("shown").is(true)), PractitionerVersionView.class));
    }

    /** Whether the register ever listed the worker. */
    public boolean exists(String workerId) {
        return mongo.exists(shownOf(workerId), PractitionerVersionView.class);
    }

    /** Whether the register listed the worker and no longer does (blocked, erased, or no education or licence left). */
    public boolean gone(String workerId) {
        PractitionerVersionView newest = mongo.findOne(shownOf(workerId)
                .with(Sort.by(Sort.Direction.DESC, "versionId")).limit(1), PractitionerVersionView.class);
        return newest != null && newest.deleted();
    }

    private static Query shownOf(String workerId) {
        return Query.query(Criteria.where("workerId").is(workerId).and("shown").is(true));
    }
}
