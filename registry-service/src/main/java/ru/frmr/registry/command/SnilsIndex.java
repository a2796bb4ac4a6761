package ru.frmr.registry.command;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ru.frmr.kit.identity.LegacyWorkerIds;
import ru.frmr.kit.identity.SnilsIndexKeys;
import ru.frmr.kit.identity.SnilsIndexKeys.SnilsDigest;

/**
 * The registry's private index from a СНИЛС to the person's registry number, and the arbiter that keeps the
 * СНИЛС unique. A registry number is random ({@link #newRegistryNumber}): it is the aggregate id and the public
 * identity, and nothing about the СНИЛС can be computed from it. The index holds only a keyed hash of the СНИЛС
 * with the id of its key ({@link SnilsIndexKeys}); it never leaves this service.
 *
 * <p>Uniqueness without transactions: an entry's {@code _id} is {@code keyId:digest}, so Mongo's unique
 * {@code _id} index lets exactly one of two simultaneous claims of one СНИЛС insert; the other reads the
 * winner's number. The claim comes before the record: a crash between them leaves a claim without a record,
 * and the next registration or login of the person finds the claim and creates the record under that number
 * (the event store's unique (aggregate id, sequence) index then decides between two creators).
 *
 * <p>Rotation: an entry found under a previous key is written again under the current key (same number) and
 * the old entry removed; a number never changes. Records made before registry numbers (their id was the
 * {@link LegacyWorkerIds} hash) are indexed the same way the first time the person shows up, when the legacy
 * key is configured.
 */
public class SnilsIndex {

    static final String COLLECTION = "snils_index";
    private static final Logger log = LoggerFactory.getLogger(SnilsIndex.class);

    private final MongoTemplate mongo;
    private final SnilsIndexKeys keys;
    private final Optional<LegacyWorkerIds> legacy;
    private final EventStore eventStore;
    private final Clock clock;

    public SnilsIndex(MongoTemplate mongo, SnilsIndexKeys keys, Optional<LegacyWorkerIds> legacy,
                      EventStore eventStore, Clock clock) {
        this.mongo = mongo;
        this.keys = keys;
        this.legacy = legacy;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** A new registry number: a random (version 4) UUID from the JDK's SecureRandom. */
    static String newRegistryNumber() {
        return UUID.randomUUID().toString();
    }

    /** @return the registry number indexed for this СНИЛС (re-indexing it under the current key if needed) */
    public Optional<String> find(String snilsDigits) {
        for (SnilsDigest digest : keys.all(snilsDigits)) {
            Entry entry = mongo.findById(digest.qualified(), Entry.class, COLLECTION);
            if (entry != null) {
                return Optional.of(digest.keyId().equals(keys.currentId()) ? entry.workerId()
                        : reindex(snilsDigits, entry));
            }
        }
        return legacy.map(ids -> ids.idFor(snilsDigits))
                .filter(id -> eventStore.lastSequenceNumberFor(id).isPresent())
                .map(id -> indexUnderCurrentKey(snilsDigits, id));
    }

    /**
     * The registry number of this СНИЛС: the indexed one, or a new random number claimed now. Idempotent; of two
     * simultaneous claims of one СНИЛС both get the same number.
     */
    public String claim(String snilsDigits) {
        return find(snilsDigits).orElseGet(() -> indexUnderCurrentKey(snilsDigits, newRegistryNumber()));
    }

    private String reindex(String snilsDigits, Entry old) {
        String workerId = indexUnderCurrentKey(snilsDigits, old.workerId());
        mongo.remove(Query.query(Criteria.where("_id").is(old.id())), COLLECTION);
        log.info("СНИЛС index entry of worker {} moved from key {} to key {}", workerId, old.keyId(),
                keys.currentId());
        return workerId;
    }

    /** @return the number the current-key entry holds: this one, or one another claim inserted first */
    private String indexUnderCurrentKey(String snilsDigits, String workerId) {
        SnilsDigest digest = keys.current(snilsDigits);
        try {
            mongo.insert(new Entry(digest.qualified(), digest.keyId(), workerId, clock.instant()), COLLECTION);
            return workerId;
        } catch (DuplicateKeyException lostTheRace) {
            return mongo.findById(digest.qualified(), Entry.class, COLLECTION).workerId();
        }
    }

    /**
     * @param id       {@code keyId:digest}; the unique index that keeps the СНИЛС unique
     * @param keyId    the key that made the digest, so a rotation knows what to re-index
     * @param workerId the registry number
     */
    @Document(COLLECTION)
    record Entry(@Id String id, String keyId, String workerId, Instant indexedAt) {
    }
}
