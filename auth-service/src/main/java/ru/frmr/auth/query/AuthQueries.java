package ru.frmr.auth.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.command.SessionPolicy;

/** Reads of the account and session read models. */
@Service
public class AuthQueries {

    private final MongoTemplate mongo;

    public AuthQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        // One account per ESIA person; also a guard should ids ever stop being derived from the oid.
        mongo.indexOps(AccountView.class).ensureIndex(new Index("esiaOid", Sort.Direction.ASC).unique());
        mongo.indexOps(AccountView.class).ensureIndex(new Index("snilsKey", Sort.Direction.ASC));
        mongo.indexOps(AccountView.class).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("activationRequestedAt", Sort.Direction.ASC));
        mongo.indexOps(AccountView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC));
        mongo.indexOps(SessionView.class).ensureIndex(new Index("accountId", Sort.Direction.ASC));
        // The sweeper's two ways a session is overdue (idle, too old), each among the open ones.
        mongo.indexOps(SessionView.class).ensureIndex(new Index("endedAt", Sort.Direction.ASC)
                .on("lastSeenAt", Sort.Direction.ASC));
        mongo.indexOps(SessionView.class).ensureIndex(new Index("endedAt", Sort.Direction.ASC)
                .on("startedAt", Sort.Direction.ASC));
    }

    public Optional<AccountView> account(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, AccountView.class));
    }

    public Optional<AccountView> accountByEsiaOid(String oid) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("esiaOid").is(oid)), AccountView.class));
    }

    /** @param snilsKeys the person's keys under every configured index key (a rotation keeps old accounts found) */
    public Optional<AccountView> accountBySnilsKey(Collection<String> snilsKeys) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("snilsKey").in(snilsKeys)),
                AccountView.class));
    }

    /** Every account linked to the worker with this registry number (one per identity provider they used). */
    public List<AccountView> accountsOfWorker(String workerId) {
        return mongo.find(Query.query(Criteria.where("workerId").is(workerId)), AccountView.class);
    }

    /** Accounts waiting for an administrator to activate them, oldest request first (the id breaks ties). */
    public List<AccountView> openActivationRequests(int page, int size) {
        return mongo.find(openActivationRequests().with(Sort.by("activationRequestedAt", "_id"))
                .skip((long) page * size).limit(size), AccountView.class);
    }

    public long openActivationRequestCount() {
        return mongo.count(openActivationRequests(), AccountView.class);
    }

    private static Query openActivationRequests() {
        return Query.query(Criteria.where("status").is(AccountStatus.NEEDS_CONFIRMATION)
                .and("activationRequestedAt").ne(null));
    }

    /**
     * Which of the account's sessions are open at {@code now}: not ended and within their time
     * ({@link SessionPolicy#isLive}), oldest first. The one answer to that question in auth-service.
     */
    public List<SessionView> openSessions(String accountId, Instant now, SessionPolicy policy) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("endedAt").isNull()
                        .and("startedAt").gt(now.minus(policy.absoluteLifetime()))
                        .and("lastSeenAt").gt(now.minus(policy.idleTimeout())))
                .with(Sort.by("startedAt")), SessionView.class);
    }

    /** Open sessions past their idle or absolute limit: the sweeper ends them. */
    public List<SessionView> overdueSessions(Instant idleSince, Instant startedBefore, int limit) {
        return mongo.find(Query.query(Criteria.where("endedAt").isNull().orOperator(
                Criteria.where("lastSeenAt").lte(idleSince), Criteria.where("startedAt").lte(startedBefore)))
                .limit(limit), SessionView.class);
    }
}
