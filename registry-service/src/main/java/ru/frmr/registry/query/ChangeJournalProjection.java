package ru.frmr.registry.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import java.time.Instant;

import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.kit.axon.TraceContextDispatchInterceptor;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.RecordSection;

/**
 * The change journal: one line per moderation event and per change of the worker's own contacts, written under the
 * event's id, so a replay rewrites it.
 *
 * <p>A contacts line says who changed them and when, never the values, not even masked: the journal is a read model
 * outside crypto-shredding (an erasure could not take old addresses out of it), and the current contacts are in the
 * cabinet anyway.
 */
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

    @EventHandler
    void on(ContactsUpdatedEvent e, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(TraceContextDispatchInterceptor.ACTOR) String actor) {
        mongo.save(new JournalEntryView(eventId, e.workerId(), null, RecordSection.CONTACTS, null, null, "UPDATED",
                actor, at, null));
    }

    /** A replay rebuilds the journal from the first event. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), JournalEntryView.class);
    }
}
