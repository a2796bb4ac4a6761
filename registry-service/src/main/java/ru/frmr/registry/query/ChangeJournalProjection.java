package ru.frmr.registry.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;

/** The change journal: one line per moderation event, written under the event's id, so a replay rewrites it. */
@Component
@ProcessingGroup("change-journal")
class ChangeJournalProjection {

    private final MongoTemplate mongo;

    ChangeJournalProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProfileChangeSubmittedEvent e, @MessageIdentifier String eventId) {
        mongo.save(new JournalEntryView(eventId, e.workerId(), e.changeId(), e.section(), e.entryId(), e.kind(),
                "SUBMITTED", e.submittedBy(), e.submittedAt(), null));
    }

    @EventHandler
    void on(ProfileChangeApprovedEvent e, @MessageIdentifier String eventId) {
        mongo.save(new JournalEntryView(eventId, e.workerId(), e.changeId(), e.section(), e.entryId(), e.kind(),
                "APPROVED", e.approvedBy(), e.approvedAt(), null));
    }

    @EventHandler
    void on(ProfileChangeRejectedEvent e, @MessageIdentifier String eventId) {
        mongo.save(new JournalEntryView(eventId, e.workerId(), e.changeId(), e.section(), e.entryId(), e.kind(),
                "REJECTED", e.rejectedBy(), e.rejectedAt(), e.reason()));
    }

    /** A replay rebuilds the journal from the first event. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), JournalEntryView.class);
    }
}
