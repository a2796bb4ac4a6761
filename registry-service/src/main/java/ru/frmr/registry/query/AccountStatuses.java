package ru.frmr.registry.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Which account logs in to which record, and whether that account may log in: the cabinet's status line. */
@Service
public class AccountStatuses {

    private final MongoTemplate mongo;

    public AccountStatuses(MongoTemplate mongo) {
        this.mongo = mongo;
        // The account a worker's record is linked to, the latest first.
        mongo.indexOps(AccountStatusView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC));
    }

    public void linked(String accountId, String workerId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(accountId)), Update.update("workerId", workerId),
                AccountStatusView.class);
    }

    /** Before a replay of the record's events rebuilds the links: the statuses (auth's news) stay. */
    public void forgetLinks() {
        mongo.updateMulti(new Query(), new Update().unset("workerId"), AccountStatusView.class);
    }

    /** Applies only when newer than what is held, so a re-delivered or late event cannot undo a later one. */
    public void changed(String accountId, String status, Instant at) {
        Query older = Query.query(Criteria.where("_id").is(accountId)
                .orOperator(Criteria.where("at").lt(at), Criteria.where("at").exists(false)));
        try {
            mongo.upsert(older, new Update().set("status", status).set("at", at), AccountStatusView.class);
        } catch (DuplicateKeyException alreadyNewer) {
            // The account holds this or a later status: the upsert's insert clashed on _id. Nothing to do.
        }
    }

    /** Marks a medical worker's account: its record will be linked to it (an upsert: repeats change nothing). */
    public void expectRecord(String accountId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(accountId)), Update.update("expectsRecord", true),
                AccountStatusView.class);
    }

    public boolean expectsRecord(String accountId) {
        AccountStatusView view = mongo.findById(accountId, AccountStatusView.class);
        return view != null && Boolean.TRUE.equals(view.expectsRecord());
    }

    /** The worker whose record the account logs in to; empty for accounts without a record (or not linked yet). */
    public Optional<String> workerOf(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, AccountStatusView.class)).map(AccountStatusView::workerId);
    }

    /** The status of the worker's most recently changed account; empty when the worker never logged in. */
    public Optional<String> ofWorker(String workerId) {
        Query query = Query.query(Criteria.where("workerId").is(workerId)).with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, AccountStatusView.class))
                .map(view -> view.status() == null ? "ACTIVE" : view.status());
    }

    /** {@link #ofWorker} of each of these workers at once; workers who never logged in are missing. */
    public Map<String, String> ofWorkers(Collection<String> workerIds) {
        Map<String, String> statuses = new HashMap<>();
        mongo.find(Query.query(Criteria.where("workerId").in(workerIds)), AccountStatusView.class).stream()
                .sorted(Comparator.comparing(AccountStatusView::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(view -> statuses.putIfAbsent(view.workerId(),
                        view.status() == null ? "ACTIVE" : view.status()));
        return statuses;
    }
}
