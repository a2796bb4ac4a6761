package ru.frmr.registry.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The administrators' queue of activation requests. Every write is keyed or bounded so that delivering the same
 * event again changes nothing: a request is inserted under its event id, a status change resolves only the open
 * requests made before it.
 */
@Service
public class ActivationQueue {

    /** Oldest first; the id breaks ties so that pages do not shift between requests. */
    private static final Sort OLDEST_FIRST = Sort.by("requestedAt", "_id");

    private final MongoTemplate mongo;

    public ActivationQueue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void requested(String eventId, String accountId, Instant at) {
        try {
            mongo.insert(new ActivationRequestView(eventId, accountId, at, ActivationRequestView.OPEN, null, null));
        } catch (DuplicateKeyException alreadyQueued) {
            // Delivered before: the request is queued (or already resolved), which is the goal.
        }
    }

    /**
     * The account left "needs confirmation": an administrator activated or blocked it. Resolves the requests
     * made up to then; a request made after (a later, separate one) stays open.
     */
    public void accountStatusChanged(String accountId, String status, Instant at) {
        Query openBefore = Query.query(Criteria.where("accountId").is(accountId)
                .and("status").is(ActivationRequestView.OPEN)
                .and("requestedAt").lte(at));
        mongo.updateMulti(openBefore, new Update()
                .set("status", ActivationRequestView.RESOLVED)
                .set("resolution", status)
                .set("resolvedAt", at), ActivationRequestView.class);
    }

    public List<ActivationRequestView> open(int page, int size) {
        return mongo.find(openQuery().with(OLDEST_FIRST).skip((long) page * size).limit(size),
                ActivationRequestView.class);
    }

    public long openTotal() {
        return mongo.count(openQuery(), ActivationRequestView.class);
    }

    /** The records these accounts log in to, by account id; accounts without one (not yet linked) are absent. */
    public Map<String, String> workersOf(List<String> accountIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(accountIds)), AccountStatusView.class).stream()
                .filter(view -> view.workerId() != null)
                .collect(Collectors.toMap(AccountStatusView::accountId, AccountStatusView::workerId, (a, b) -> a));
    }

    private static Query openQuery() {
        return Query.query(Criteria.where("status").is(ActivationRequestView.OPEN));
    }
}
