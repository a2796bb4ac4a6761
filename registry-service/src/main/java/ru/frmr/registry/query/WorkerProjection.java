package ru.frmr.registry.query;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.EmploymentCorrectedEvent;
import ru.frmr.registry.api.EmploymentEndedEvent;
import ru.frmr.registry.api.EmploymentRecordedEvent;
import ru.frmr.registry.api.EmploymentTerms;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.EmploymentDictionaries;

/**
 * Keeps {@link WorkerView} up to date. Each write only applies when the event is newer than what the
 * view holds ({@code version}), so a replayed or re-delivered event changes nothing.
 */
@Component
@ProcessingGroup(WorkerProjection.PROCESSING_GROUP)
class WorkerProjection {

    static final String PROCESSING_GROUP = "worker-view";

    private final MongoTemplate mongo;

    WorkerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Personal data go to the view as the event holds them: sealed. The cabinet opens them when it serves them. */
    @EventHandler
    void on(WorkerRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        SealedPersonalData personal = event.personalData();
        applyIfNewer(event.workerId(), sequence, new Update()
                .set("lastName", event.lastName())
                .set("firstName", event.firstName())
                .set("middleName", event.middleName())
                .set("nameKey", NameKey.of(event.lastName(), event.firstName(), event.middleName()))
                .set("birthDate", event.birthDate())
                .set("snils", personal.snils())
                .set("email", personal.email())
                .set("mobile", personal.mobile())
                .set("registeredAt", at)
                .set("updatedAt", at)
                .set("gender", event.gender())
                .set("citizenship", event.citizenship())
                .set("inn", personal.inn())
                .set("identityDocument", personal.identityDocument()));
    }

    @EventHandler
    void on(ContactsUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        applyIfNewer(event.workerId(), sequence, new Update()
                .set("email", event.email())
                .set("mobile", event.mobile())
                .set("updatedAt", at));
    }

    @EventHandler
    void on(ProfileChangeApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String field = "entries." + event.entryId();
        Update update = event.kind() == ChangeKind.REMOVE ? new Update().unset(field)
                : new Update().set(field, event.entry());
        applyIfNewer(event.workerId(), sequence, update.set("updatedAt", at));
    }

    @EventHandler
    void on(EmploymentRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            EmploymentDictionaries dictionaries) {
        applyIfNewer(event.workerId(), sequence, new Update()
                .set("employments." + event.employmentId(), employment(event.terms(), null, event.version(),
                        dictionaries))
                .set("updatedAt", at));
    }

    @EventHandler
    void on(EmploymentCorrectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            EmploymentDictionaries dictionaries) {
        String field = "employments." + event.employmentId();
        // The end date is the only part a correction does not carry: keep what the view holds.
        WorkerView view = mongo.findById(event.workerId(), WorkerView.class);
        EmploymentView held = view == null || view.employments() == null ? null
                : view.employments().get(event.employmentId());
        applyIfNewer(event.workerId(), sequence, new Update()
                .set(field, employment(event.terms(), held == null ? null : held.endDate(), event.version(),
                        dictionaries))
                .set("updatedAt", at));
    }

    @EventHandler
    void on(EmploymentEndedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String field = "employments." + event.employmentId();
        applyIfNewer(event.workerId(), sequence, new Update()
                .set(field + ".endDate", event.endDate())
                .set(field + ".version", event.version())
                .set("updatedAt", at));
    }

    private static EmploymentView employment(EmploymentTerms terms, LocalDate endDate, long version,
                                             EmploymentDictionaries dictionaries) {
        return EmploymentView.of(terms, dictionaries.regionName(terms.regionCode()).orElse(null),
                dictionaries.positionName(terms.positionCode()).orElse(null), endDate, version);
    }

    /** A replay rebuilds the views from the first event. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), WorkerView.class);
    }

    /** The tokens are unreadable now; the view drops them and says so. */
    @EventHandler
    void on(PersonalDataErasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        applyIfNewer(event.workerId(), sequence, new Update()
                .unset("snils").unset("email").unset("mobile").unset("inn").unset("identityDocument")
                .set("personalDataErased", true)
                .set("updatedAt", at));
    }

    private void applyIfNewer(String id, long sequence, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where("version").lt(sequence), Criteria.where("version").exists(false)));
        try {
            mongo.upsert(newer, update.set("version", sequence), WorkerView.class);
        } catch (DuplicateKeyException alreadyNewer) {
            // The view exists with this or a later version: the upsert's insert clashed on _id. Nothing to do.
        }
    }
}
