package ru.frmr.notification.support.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.notification.support.api.SupportStatus;

/** The requests' read model: the person's list, the SUPPORT queue, the conversations and the sweeps' due items. */
@Component
public class SupportRequests {

    private static final int MAX_LIST = 200;

    private final MongoTemplate mongo;

    SupportRequests(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(SupportRequestView.class).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("filedAt", Sort.Direction.ASC));
        mongo.indexOps(SupportRequestView.class).ensureIndex(new Index("requesterAccountId", Sort.Direction.ASC));
        // The sweeps: overdue answers and requests to close, each oldest first.
        mongo.indexOps(SupportRequestView.class).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("overdueSettled", Sort.Direction.ASC).on("answerDueAt", Sort.Direction.ASC));
        mongo.indexOps(SupportRequestView.class).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("autoCloseAt", Sort.Direction.ASC));
        mongo.indexOps(SupportMessageView.class).ensureIndex(new Index("requestId", Sort.Direction.ASC));
        mongo.indexOps(SupportAttachmentView.class).ensureIndex(new Index("requestId", Sort.Direction.ASC));
    }

    public Optional<SupportRequestView> byId(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, SupportRequestView.class));
    }

    /** The request's ticket number, or null while the view has not caught up with its filing. */
    public String ticketNumberOf(String requestId) {
        return byId(requestId).map(SupportRequestView::ticketNumber).orElse(null);
    }

    /** The requester's own requests, newest first. */
    public List<SupportRequestView> ofRequester(String accountId) {
        return mongo.find(Query.query(Criteria.where("requesterAccountId").is(accountId))
                .with(Sort.by(Sort.Direction.DESC, "filedAt")).limit(MAX_LIST), SupportRequestView.class);
    }

    /** The queue: requests in these statuses, oldest first. */
    public List<SupportRequestView> queue(Collection<SupportStatus> statuses) {
        return mongo.find(Query.query(Criteria.where("status").in(statuses))
                .with(Sort.by(Sort.Direction.ASC, "filedAt")).limit(MAX_LIST), SupportRequestView.class);
    }

    public long count(Collection<SupportStatus> statuses) {
        return mongo.count(Query.query(Criteria.where("status").in(statuses)), SupportRequestView.class);
    }

    public long countOverdue(Instant now) {
        return mongo.count(Query.query(Criteria.where("status").in(SupportStatus.NEW, SupportStatus.IN_WORK)
                .and("answerDueAt").lt(now)), SupportRequestView.class);
    }

    public List<SupportMessageView> messages(String requestId) {
        return mongo.find(Query.query(Criteria.where("requestId").is(requestId)).with(Sort.by("sequence")),
                SupportMessageView.class);
    }

    /** The documents the requester attached (another person's attachment naming the request is not shown). */
    public List<SupportAttachmentView> attachments(SupportRequestView request) {
        if (request.requesterAccountId() == null) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("requestId").is(request.id())
                        .and("ownerAccountId").is(request.requesterAccountId())).with(Sort.by("attachedAt")),
                SupportAttachmentView.class);
    }

    public void attach(SupportAttachmentView attachment) {
        try {
            mongo.insert(attachment);
        } catch (DuplicateKeyException attachedBefore) {
            // The same event again.
        }
    }

    /** Open requests past their answer target that the sweep has not settled, oldest target first. */
    public List<SupportRequestView> answerOverdue(Instant now, Set<String> passOver, int batch) {
        return mongo.find(Query.query(Criteria.where("status").in(SupportStatus.NEW, SupportStatus.IN_WORK)
                        .and("overdueSettled").is(false).and("answerDueAt").lte(now).and("_id").nin(passOver))
                .with(Sort.by("answerDueAt")).limit(batch), SupportRequestView.class);
    }

    public void settleOverdue(String requestId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)), Update.update("overdueSettled", true),
                SupportRequestView.class);
    }

    /** Answered requests whose reopening window has passed. */
    public List<SupportRequestView> dueToClose(Instant now, Set<String> passOver, int batch) {
        return mongo.find(Query.query(Criteria.where("status").is(SupportStatus.ANSWERED)
                        .and("autoCloseAt").lte(now).and("_id").nin(passOver))
                .with(Sort.by("autoCloseAt")).limit(batch), SupportRequestView.class);
    }
}
