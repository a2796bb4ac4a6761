package ru.frmr.registry.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;

/**
 * Keeps {@link ProfileChangeView}. Idempotent: a submission is inserted once under its change id, and a
 * decision sets the same values again when re-delivered.
 */
@Component
@ProcessingGroup("profile-changes")
class ProfileChangeProjection {

    private final MongoTemplate mongo;

    ProfileChangeProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProfileChangeSubmittedEvent event) {
        try {
            mongo.insert(new ProfileChangeView(event.changeId(), event.workerId(), event.kind(), event.section(),
                    event.entryId(), event.entry(), ChangeStatus.PENDING, event.submittedBy(), event.submittedAt(),
                    null, null, null));
        } catch (DuplicateKeyException alreadyRecorded) {
            // Re-delivered: the change is there, possibly decided already, which a replay must not undo.
        }
    }

    @EventHandler
    void on(ProfileChangeApprovedEvent event) {
        decide(event.changeId(), new Update().set("status", ChangeStatus.APPROVED)
                .set("decidedBy", event.approvedBy()).set("decidedAt", event.approvedAt()));
    }

    @EventHandler
    void on(ProfileChangeRejectedEvent event) {
        decide(event.changeId(), new Update().set("status", ChangeStatus.REJECTED)
                .set("decidedBy", event.rejectedBy()).set("decidedAt", event.rejectedAt())
                .set("reason", event.reason()));
    }

    /** A replay rebuilds the changes from the first event. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ProfileChangeView.class);
    }

    private void decide(String changeId, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(changeId)), update, ProfileChangeView.class);
    }
}
