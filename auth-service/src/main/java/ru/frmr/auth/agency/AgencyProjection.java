package ru.frmr.auth.agency;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.auth.agency.AgencyEvents.AgencyKafkaCredentialsIssuedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyOnboardedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyRevokedEvent;

/** Keeps {@link AgencyView} up to date and answers {@link AgencyDirectory} from it. */
@Component
@ProcessingGroup("agency-view")
class AgencyProjection implements AgencyDirectory {

    private final MongoTemplate mongo;

    AgencyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        // All agencies, in the order they were onboarded: this index's.
        mongo.indexOps(AgencyView.class).ensureIndex(new Index("onboardedAt", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
    }

    @EventHandler
    void on(AgencyOnboardedEvent event, @SequenceNumber long sequence) {
        apply(event.agencyId(), sequence, new Update()
                .set("name", event.name())
                .set("kind", event.kind())
                .set("regionCode", event.regionCode())
                .set("status", AgencyStatus.ACTIVE)
                .set("kafkaUsername", event.kafkaUsername())
                .set("onboardedAt", event.at()));
    }

    @EventHandler
    void on(AgencyKafkaCredentialsIssuedEvent event, @SequenceNumber long sequence) {
        apply(event.agencyId(), sequence, new Update().set("credentialsIssuedAt", event.at()));
    }

    @EventHandler
    void on(AgencyRevokedEvent event, @SequenceNumber long sequence) {
        apply(event.agencyId(), sequence, new Update().set("status", AgencyStatus.REVOKED)
                .set("revokedAt", event.at()));
    }

    @Override
    public Optional<Entry> find(String agencyId) {
        if (!AgencyIds.isValid(agencyId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(agencyId, AgencyView.class))
                .filter(v -> v.name() != null)
                .map(v -> new Entry(v.id(), v.name(), v.kind(), v.regionCode(), v.status()));
    }

    @Override
    public List<AgencyState> all() {
        return mongo.find(Query.query(Criteria.where("name").exists(true))
                        .with(Sort.by("onboardedAt", "_id")), AgencyView.class).stream()
                .map(AgencyView::state).toList();
    }

    @Override
    public Optional<AgencyState> state(String agencyId) {
        if (!AgencyIds.isValid(agencyId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(agencyId, AgencyView.class)).filter(v -> v.name() != null)
                .map(AgencyView::state);
    }

    /** Applies {@code update} only when the event is newer than what the view holds (replays change nothing). */
    private void apply(String id, long sequence, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where("version").lt(sequence), Criteria.where("version").exists(false)));
        try {
            mongo.upsert(newer, update.set("version", sequence), AgencyView.class);
        } catch (DuplicateKeyException alreadyNewer) {
            // The view exists with this or a later version: the upsert's insert clashed on _id. Nothing to do.
        }
    }
}
