package ru.frmr.registry.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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

import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.WorkerRegisteredEvent;

/**
 * Keeps {@link PractitionerVersionView}: a new version of a worker's public entry when the worker is registered
 * (the public register lists them from then on, by name) and whenever an approved change alters what the register
 * shows. Approvals that change nothing public (a corrected diploma number) make no version; pending and rejected
 * changes never reach the feed.
 *
 * <p>Idempotent: a version is stored under the id of its event and a re-delivered event is skipped; versions of
 * one worker arrive in the order of the worker's events (Axon sequences one aggregate's events), so the newest
 * stored version is always the one the next change applies to. Everything is derived from the events, so a replay
 * rebuilds the same documents.
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
    void on(WorkerRegisteredEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (recorded(eventId) || newest(event.workerId()).isPresent()) {
            return;
        }
        insert(PractitionerVersionView.registered(eventId, event.workerId(), at, event.lastName(),
                event.firstName(), event.middleName()));
    }

    @EventHandler
    void on(ProfileChangeApprovedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (recorded(eventId)) {
            return;
        }
        Optional<PractitionerVersionView> newest = newest(event.workerId());
        if (newest.isEmpty() || event.profileVersion() <= newest.get().versionId()) {
            return; // not in the register, or older than what the feed already holds
        }
        PractitionerVersionView previous = newest.get();
        List<PractitionerVersionView.PublicEntry> entries =
                previous.entriesAfter(event.kind(), event.entryId(), event.entry());
        if (entries.equals(previous.entries())) {
            return;
        }
        insert(previous.next(eventId, event.profileVersion(), at, entries));
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
