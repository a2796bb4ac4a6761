package ru.frmr.registry.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.AccountStatusRecordedEvent;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.WorkerRegisteredEvent;

/**
 * Keeps {@link PractitionerVersionView}: the state of each registered person's public entry after each event that
 * changes it, shown in the feed only while the register lists the person (an approved education or licence, an
 * account not blocked, personal data not erased) and once more, as a deletion, when a listed person leaves. A
 * person who never had an approved education or licence never appears in the feed. Approvals that change nothing
 * public (a corrected diploma number) make no version; pending and rejected changes never reach the feed.
 *
 * <p>Idempotent: a version is stored under the id of its event, and its {@code versionId} is the record's event
 * sequence number plus one, so an event the newest stored version already holds (re-delivered, or older) is
 * skipped. Versions of one worker arrive in the order of the worker's events (Axon sequences one aggregate's
 * events), so the newest stored version is always the one the next event applies to. Everything is derived from
 * the events, so a replay rebuilds the same documents. An erasure removes every earlier version (they hold the
 * name) and leaves one without it; being keyed by its event, it is completed by a re-delivery if interrupted.
 */
@Component
@ProcessingGroup(PractitionerHistoryProjection.PROCESSING_GROUP)
class PractitionerHistoryProjection {

    static final String PROCESSING_GROUP = "practitioner-history";

    private final MongoTemplate mongo;

    PractitionerHistoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        ensureIndexes();
    }

    @EventHandler
    void on(WorkerRegisteredEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        if (recorded(eventId) || newest(event.workerId()).isPresent()) {
            return;
        }
        insert(PractitionerVersionView.registered(eventId, event.workerId(), sequence + 1, at, event.lastName(),
                event.firstName(), event.middleName()));
    }

    @EventHandler
    void on(ProfileChangeApprovedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        current(event.workerId(), sequence).ifPresent(previous -> record(previous, eventId, sequence, at,
                previous.entriesAfter(event.kind(), event.entryId(), event.entry()), previous.accountBlocked()));
    }

    @EventHandler
    void on(AccountStatusRecordedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        current(event.workerId(), sequence).ifPresent(previous -> record(previous, eventId, sequence, at,
                previous.entries(), event.blocked()));
    }

    @EventHandler
    void on(PersonalDataErasedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        Query ofWorker = Query.query(Criteria.where("workerId").is(event.workerId()));
        if (!recorded(eventId)) {
            Optional<PractitionerVersionView> previous = current(event.workerId(), sequence);
            if (previous.isEmpty()) {
                return;
            }
            boolean everShown = mongo.exists(Query.query(Criteria.where("workerId").is(event.workerId())
                    .and("shown").is(true)), PractitionerVersionView.class);
            insert(previous.get().erased(eventId, sequence + 1, at, everShown));
        }
        mongo.remove(ofWorker.addCriteria(Criteria.where("_id").ne(eventId)), PractitionerVersionView.class);
    }

    /** A replay rebuilds the feed from the first event. */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PractitionerVersionView.class);
        ensureIndexes();
    }

    /** The feed's order and one version per worker and version id; again on reset, in case the collection was dropped. */
    private void ensureIndexes() {
        IndexOperations indexes = mongo.indexOps(PractitionerVersionView.class);
        indexes.createIndex(new Index().on("position", Sort.Direction.DESC).unique());
        indexes.createIndex(new Index().on("workerId", Sort.Direction.ASC).on("versionId", Sort.Direction.DESC)
                .unique());
    }

    private boolean recorded(String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), PractitionerVersionView.class);
    }

    /** The worker's newest version, unless it already holds the event at {@code sequence} or the record was erased. */
    private Optional<PractitionerVersionView> current(String workerId, long sequence) {
        return newest(workerId).filter(newest -> newest.versionId() <= sequence && !newest.erased());
    }

    /** Stores the state after the event, unless the event changed nothing the feed depends on. */
    private void record(PractitionerVersionView previous, String eventId, long sequence, Instant at,
                        List<PractitionerVersionView.PublicEntry> entries, boolean accountBlocked) {
        if (recorded(eventId)) {
            return;
        }
        PractitionerVersionView next = previous.next(eventId, sequence + 1, at, entries, accountBlocked);
        if (!next.sameStateAs(previous)) {
            insert(next);
        }
    }

    private Optional<PractitionerVersionView> newest(String workerId) {
        Query query = Query.query(Criteria.where("workerId").is(workerId))
                .with(Sort.by(Sort.Direction.DESC, "versionId")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, PractitionerVersionView.class));
    }

    private void insert(PractitionerVersionView version) {
        try {
            mongo.insert(version);
        } catch (DuplicateKeyException alreadyStored) {
            // The same version was stored by an earlier delivery of this event.
        }
    }
}
