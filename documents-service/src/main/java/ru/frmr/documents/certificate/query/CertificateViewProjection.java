package ru.frmr.documents.certificate.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.documents.certificate.api.CertificateDeliveredEvent;
import ru.frmr.documents.certificate.api.CertificateIssuedEvent;
import ru.frmr.documents.certificate.api.CertificateIssuingStartedEvent;
import ru.frmr.documents.certificate.api.CertificateRefusedEvent;
import ru.frmr.documents.certificate.api.CertificateRequestedEvent;
import ru.frmr.documents.certificate.api.CertificateStatus;

/**
 * Keeps {@link CertificateView}s. Each handler sets values the event fixes, so a redelivered event writes the same
 * document again; the events of one request come in their order (one aggregate, one segment).
 */
@Component
@ProcessingGroup(CertificateViewProjection.GROUP)
class CertificateViewProjection {

    static final String GROUP = "certificate-views";

    private final MongoTemplate mongo;

    CertificateViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CertificateRequestedEvent e) {
        try {
            mongo.insert(new CertificateView(e.requestId(), e.workerId(), e.accountId(), e.type(), e.purpose(),
                    e.delivery(), e.sealedPostalAddress(), CertificateStatus.REQUESTED, e.requestedAt(), null, null,
                    null, null, null, null, null, null, null));
        } catch (DuplicateKeyException seenBefore) {
            // The same event again: the view exists, possibly already further on.
        }
    }

    @EventHandler
    void on(CertificateIssuingStartedEvent e) {
        set(e.requestId(), new Update().set("status", CertificateStatus.IN_WORK).set("number", e.number()),
                CertificateStatus.REQUESTED);
    }

    @EventHandler
    void on(CertificateIssuedEvent e) {
        set(e.requestId(), new Update().set("status", CertificateStatus.READY).set("issuedAt", e.issuedAt())
                .set("sha256", e.sha256()).set("validUntil", e.validUntil()).set("number", e.number()),
                CertificateStatus.REQUESTED, CertificateStatus.IN_WORK);
    }

    @EventHandler
    void on(CertificateDeliveredEvent e) {
        set(e.requestId(), new Update().set("status", CertificateStatus.DELIVERED).set("deliveredAt", e.deliveredAt())
                .set("channel", e.channel()).set("trackingNumber", e.trackingNumber()), CertificateStatus.READY);
    }

    @EventHandler
    void on(CertificateRefusedEvent e) {
        Update update = new Update().set("status", CertificateStatus.REFUSED).set("refusalReason", e.reason());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.requestId()).and("status")
                .is(CertificateStatus.READY)), update.set("revokedAt", e.refusedAt()), CertificateView.class);
        set(e.requestId(), new Update().set("status", CertificateStatus.REFUSED).set("refusalReason", e.reason()),
                CertificateStatus.REQUESTED, CertificateStatus.IN_WORK);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CertificateView.class);
    }

    /** Moves the view on only from the states the event follows: a redelivered older event cannot set it back. */
    private void set(String requestId, Update update, CertificateStatus... from) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("status").in((Object[]) from)), update,
                CertificateView.class);
    }
}
