package ru.frmr.registry.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EmploymentCorrectedEvent;
import ru.frmr.registry.api.EmploymentEndedEvent;
import ru.frmr.registry.api.EmploymentRecordedEvent;
import ru.frmr.registry.api.RecordSection;

/**
 * Employment lines of the change journal: recorded, corrected and ended by the employer, who is the actor.
 * Not moderated, so no change id and no approver. Written under the event's id, like the moderation lines
 * (same processing group), so a replay rewrites them.
 */
@Component
@ProcessingGroup("change-journal")
class EmploymentJournalProjection {

    private final MongoTemplate mongo;

    EmploymentJournalProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(EmploymentRecordedEvent e, @MessageIdentifier String eventId) {
        mongo.save(new JournalEntryView(eventId, e.workerId(), null, RecordSection.EMPLOYMENT, e.employmentId(),
                ChangeKind.ADD, "RECORDED", e.recordedBy(), e.recordedAt(), null));
    }

    @EventHandler
    void on(EmploymentCorrectedEvent e, @MessageIdentifier String eventId) {
        mongo.save(new JournalEntryView(eventId, e.workerId(), null, RecordSection.EMPLOYMENT, e.employmentId(),
                ChangeKind.CORRECT, "CORRECTED", e.correctedBy(), e.correctedAt(), null));
    }

    @EventHandler
    void on(EmploymentEndedEvent e, @MessageIdentifier String eventId) {
        mongo.save(new JournalEntryView(eventId, e.workerId(), null, RecordSection.EMPLOYMENT, e.employmentId(),
                ChangeKind.CORRECT, "ENDED", e.endedBy(), e.endedAt(), null));
    }

    /** The moderation lines' reset clears the whole journal too; this one keeps the rule "what I built, I clear". */
    @ResetHandler
    void reset() {
        mongo.remove(Query.query(Criteria.where("section").is(RecordSection.EMPLOYMENT)), JournalEntryView.class);
    }
}
