package ru.frmr.documents.certificate.query;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.documents.certificate.api.CertificateStatus;

/** Reads of {@link CertificateView}s, newest request first. */
@Component
public class CertificateViews {

    private final MongoTemplate mongo;

    CertificateViews(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CertificateView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC));
        mongo.indexOps(CertificateView.class).ensureIndex(new Index("number", Sort.Direction.ASC));
        mongo.indexOps(CertificateView.class).ensureIndex(new Index("sha256", Sort.Direction.ASC));
        // The registrar's queue, newest first, by status, by delivery and status, or whole.
        mongo.indexOps(CertificateView.class).ensureIndex(new Index("status", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC));
        mongo.indexOps(CertificateView.class).ensureIndex(new Index("delivery", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("requestedAt", Sort.Direction.DESC));
        mongo.indexOps(CertificateView.class).ensureIndex(new Index("requestedAt", Sort.Direction.DESC));
    }

    public Optional<CertificateView> byId(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, CertificateView.class));
    }

    public Optional<CertificateView> byNumber(String number) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("number").is(number)
                .and("issuedAt").ne(null)), CertificateView.class));
    }

    public Optional<CertificateView> bySha256(String sha256) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("sha256").is(sha256)),
                CertificateView.class));
    }

    public Page ofWorker(String workerId, int page, int size) {
        return page(Query.query(Criteria.where("workerId").is(workerId)), page, size);
    }

    public Page queue(CertificateDelivery delivery, CertificateStatus status, int page, int size) {
        Criteria criteria = new Criteria();
        if (delivery != null) {
            criteria = criteria.and("delivery").is(delivery);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return page(Query.query(criteria), page, size);
    }

    private Page page(Query query, int page, int size) {
        long total = mongo.count(query, CertificateView.class);
        List<CertificateView> items = mongo.find(Query.of(query).with(Sort.by(Sort.Direction.DESC, "requestedAt"))
                .skip((long) page * size).limit(size), CertificateView.class);
        return new Page(items, total);
    }

    public record Page(List<CertificateView> items, long total) {
    }
}
