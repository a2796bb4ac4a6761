package ru.frmr.employer.query;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.employer.api.EmploymentChangedEvent;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.api.LinkRequestAcceptedEvent;
import ru.frmr.employer.api.LinkRequestDeclinedEvent;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.api.LinkRequestStatus;
import ru.frmr.employer.api.LinkRequestedEvent;
import ru.frmr.employer.api.WorkerDismissedEvent;
import ru.frmr.employer.api.WorkerHiredEvent;

/**
 * Link requests and employments for the HR's and the worker's lists. Every write is idempotent (Axon on Mongo has
 * no transactions, so an event may come again after a crash): an insert that finds its id is a no-op, an answer
 * applies only to a pending request, and an employment event only above the version the view holds.
 */
@Component
@ProcessingGroup(StaffViewsProjection.PROCESSING_GROUP)
class StaffViewsProjection {

    static final String PROCESSING_GROUP = "staff-views";

    private final MongoTemplate mongo;

    StaffViewsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(LinkRequestedEvent e) {
        insert(new LinkRequestView(e.requestId(), e.organizationId(), e.workerId(), e.initiatedBy(),
                LinkRequestStatus.PENDING, e.requestedAt(), e.expiresAt(), null, e.contractNumber(),
                e.contractDate()));
    }

    @EventHandler
    void on(LinkRequestAcceptedEvent e) {
        settle(e.requestId(), LinkRequestStatus.ACCEPTED, e.answeredAt());
    }

    @EventHandler
    void on(LinkRequestDeclinedEvent e) {
        settle(e.requestId(), LinkRequestStatus.DECLINED, e.answeredAt());
    }

    @EventHandler
    void on(LinkRequestExpiredEvent e) {
        settle(e.requestId(), LinkRequestStatus.EXPIRED, e.expiredAt());
    }

    @EventHandler
    void on(WorkerHiredEvent e) {
        EmploymentTerms t = e.terms();
        insert(new EmploymentView(e.employmentId(), e.organizationId(), e.workerId(), t.positionCode(),
                t.department(), t.rate(), t.contractKind(), t.contractNumber(), t.contractDate(), t.startDate(), null,
                null, EmploymentView.ACTIVE, e.version(), List.of(new EmploymentView.HistoryEntry(e.version(), "HIRE",
                        t.startDate(), e.recordedAt(), t.positionCode(), t.department(), t.rate(), t.contractKind(),
                        null, null))));
    }

    @EventHandler
    void on(EmploymentChangedEvent e) {
        EmploymentTerms t = e.terms();
        Update update = new Update()
                .set("positionCode", t.positionCode())
                .set("department", t.department())
                .set("rate", t.rate())
                .set("contractKind", t.contractKind())
                .set("version", e.version())
                .push("history", new EmploymentView.HistoryEntry(e.version(), e.kind().name(), e.effectiveDate(),
                        e.changedAt(), t.positionCode(), t.department(), t.rate(), t.contractKind(), null, null));
        mongo.updateFirst(below(e.employmentId(), e.version()), update, EmploymentView.class);
    }

    @EventHandler
    void on(WorkerDismissedEvent e) {
        Update update = new Update()
                .set("endDate", e.endDate())
                .set("dismissalReason", e.reasonCode())
                .set("status", EmploymentView.DISMISSED)
                .set("version", e.version())
                .push("history", new EmploymentView.HistoryEntry(e.version(), "DISMISSAL", e.endDate(),
                        e.dismissedAt(), null, null, null, null, e.endDate(), e.reasonCode()));
        mongo.updateFirst(below(e.employmentId(), e.version()), update, EmploymentView.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(LinkRequestView.class);
        mongo.dropCollection(EmploymentView.class);
    }

    private void settle(String requestId, LinkRequestStatus status, java.time.Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("status").is(LinkRequestStatus.PENDING)),
                new Update().set("status", status).set("answeredAt", at), LinkRequestView.class);
    }

    private static Query below(String employmentId, long version) {
        return Query.query(Criteria.where("_id").is(employmentId).and("version").lt(version));
    }

    private void insert(Object view) {
        try {
            mongo.insert(view);
        } catch (DuplicateKeyException alreadyThere) {
            // The event came again (a crash between the write and the token update): the view has it already.
        }
    }
}
