package ru.frmr.employer.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.employer.api.HrRightGrantedEvent;
import ru.frmr.employer.api.HrRightRevokedEvent;
import ru.frmr.employer.api.MedicalOrganizationCorrectedEvent;
import ru.frmr.employer.api.MedicalOrganizationRegisteredEvent;

/**
 * The organisations, their held HR rights and the rights' history. Every write is keyed (organisation id, grant id,
 * event id) and a card is replaced only by a newer version, so a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup(OrganizationProjection.PROCESSING_GROUP)
class OrganizationProjection {

    static final String PROCESSING_GROUP = "organizations";

    private final MongoTemplate mongo;

    OrganizationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(MedicalOrganizationRegisteredEvent e) {
        keepNewer(OrganizationView.of(e.organizationId(), e.details(), e.version()));
    }

    @EventHandler
    void on(MedicalOrganizationCorrectedEvent e) {
        keepNewer(OrganizationView.of(e.organizationId(), e.details(), e.version()));
    }

    @EventHandler
    void on(HrRightGrantedEvent e, @MessageIdentifier String eventId) {
        mongo.save(new HrGrantView(HrGrantView.idOf(e.organizationId(), e.accountId()), e.organizationId(),
                e.accountId(), e.grantedAt(), e.grantedBy()));
        mongo.save(new HrRightChangeView(eventId, e.organizationId(), e.accountId(), "GRANTED", e.grantedAt(),
                e.grantedBy(), e.rightsVersion()));
    }

    @EventHandler
    void on(HrRightRevokedEvent e, @MessageIdentifier String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(HrGrantView.idOf(e.organizationId(), e.accountId()))),
                HrGrantView.class);
        mongo.save(new HrRightChangeView(eventId, e.organizationId(), e.accountId(), "REVOKED", e.revokedAt(),
                e.revokedBy(), e.rightsVersion()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OrganizationView.class);
        mongo.dropCollection(HrGrantView.class);
        mongo.dropCollection(HrRightChangeView.class);
    }

    private void keepNewer(OrganizationView view) {
        OrganizationView held = mongo.findById(view.id(), OrganizationView.class);
        if (held == null || held.version() < view.version()) {
            mongo.save(view);
        }
    }
}
