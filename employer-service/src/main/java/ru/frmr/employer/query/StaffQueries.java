package ru.frmr.employer.query;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestStatus;

/** Reads of the link request and employment views, and the {@link EmploymentLookup} other features use. */
@Component
public class StaffQueries implements EmploymentLookup {

    /** The staff list's filters; null means any. */
    public record StaffFilter(String department, String positionCode, String status) {
    }

    public record Slice<T>(List<T> items, long total) {
    }

    private final MongoTemplate mongo;

    public StaffQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(LinkRequestView.class).ensureIndex(new Index("organizationId", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC));
        mongo.indexOps(LinkRequestView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC));
        mongo.indexOps(EmploymentView.class).ensureIndex(new Index("organizationId", Sort.Direction.ASC)
                .on("workerId", Sort.Direction.ASC));
        mongo.indexOps(EmploymentView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC));
    }

    /** @param initiatedBy who started the requests listed, or null for both sides */
    public Slice<LinkRequestView> organizationRequests(String organizationId, LinkRequestStatus status,
                                                       LinkInitiator initiatedBy, int page, int size) {
        Criteria owner = Criteria.where("organizationId").is(organizationId);
        if (initiatedBy != null) {
            owner = owner.and("initiatedBy").is(initiatedBy);
        }
        return requests(owner, status, page, size);
    }

    public Slice<LinkRequestView> workerRequests(String workerId, LinkRequestStatus status, int page, int size) {
        return requests(Criteria.where("workerId").is(workerId), status, page, size);
    }

    private Slice<LinkRequestView> requests(Criteria owner, LinkRequestStatus status, int page, int size) {
        if (status != null) {
            owner = owner.and("status").is(status);
        }
        Query query = Query.query(owner);
        long total = mongo.count(query, LinkRequestView.class);
        query.with(Sort.by(Sort.Direction.DESC, "requestedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new Slice<>(mongo.find(query, LinkRequestView.class), total);
    }

    public List<EmploymentView> employments(String organizationId, String workerId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId).and("workerId").is(workerId))
                .with(Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("_id"))), EmploymentView.class);
    }

    public List<EmploymentView> workerEmployments(String workerId) {
        return mongo.find(Query.query(Criteria.where("workerId").is(workerId))
                .with(Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("_id"))), EmploymentView.class);
    }

    /** One page of the organisation's staff, newest hires first. */
    public Slice<EmploymentView> staff(String organizationId, StaffFilter filter, int page, int size) {
        Query query = staffQuery(organizationId, filter);
        long total = mongo.count(query, EmploymentView.class);
        query.with(staffOrder()).skip((long) page * size).limit(size);
        return new Slice<>(mongo.find(query, EmploymentView.class), total);
    }

    /** The whole staff list under the filter, for the export. */
    public List<EmploymentView> allStaff(String organizationId, StaffFilter filter) {
        return mongo.find(staffQuery(organizationId, filter).with(staffOrder()), EmploymentView.class);
    }

    @Override
    public Optional<EmploymentSummary> find(String employmentId) {
        if (employmentId == null) {
            return Optional.empty();
        }
        EmploymentView v = mongo.findById(employmentId, EmploymentView.class);
        return Optional.ofNullable(v).map(e -> new EmploymentSummary(e.employmentId(), e.organizationId(),
                e.workerId(), e.positionCode(), e.department(), e.rate(), e.contractKind(), e.contractNumber(),
                e.contractDate(), e.startDate(), e.endDate()));
    }

    private static Query staffQuery(String organizationId, StaffFilter filter) {
        Criteria criteria = Criteria.where("organizationId").is(organizationId);
        if (filter.department() != null) {
            criteria = criteria.and("department").is(filter.department());
        }
        if (filter.positionCode() != null) {
            criteria = criteria.and("positionCode").is(filter.positionCode());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        return Query.query(criteria);
    }

    private static Sort staffOrder() {
        return Sort.by(Sort.Direction.DESC, "startDate").and(Sort.by("_id"));
    }
}
