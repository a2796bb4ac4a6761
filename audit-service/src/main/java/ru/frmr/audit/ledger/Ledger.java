package ru.frmr.audit.ledger;

import java.time.Clock;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to the chain. The only write this class (or the application) makes to the ledger
 * collection is {@code insertOne}: entries are never updated or deleted, and an architecture test keeps
 * any code from calling a Mongo method that would.
 *
 * <p>Correct with several replicas and without transactions: the unique index on {@code sequence} lets only
 * one writer take each place in the chain, and the one on {@code eventId} keeps an event from taking two.
 * A writer that loses a race reads the new tail and tries again.
 */
public class Ledger {

    /** The MongoDB collection holding the entries. */
    public static final String COLLECTION = "audit_ledger";

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final MongoCollection<Document> entries;
    private final Clock clock;
    private final int maxAttempts;

    /** @param maxAttempts how many lost races one append tolerates before it fails (and the consumer retries) */
    public Ledger(MongoCollection<Document> entries, Clock clock, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.entries = entries;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Records {@code event} once, whatever the number of calls and concurrent callers.
     *
     * @return the new entry, or empty when the event was already in the ledger
     */
    public Optional<LedgerEntry> append(AuditedEvent event) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (contains(event.eventId())) {
                log.debug("Event {} is already in the ledger", event.eventId());
                return Optional.empty();
            }
            LedgerDocuments.Tail tail = LedgerDocuments.tail(entries);
            LedgerEntry next = LedgerEntry.create(tail.sequence() + 1, event, tail.hash(), clock.instant());
            try {
                entries.insertOne(LedgerDocuments.toDocument(next));
                log.debug("Appended {} {} as sequence {}", event.type(), event.eventId(), next.sequence());
                return Optional.of(next);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // Another writer took this sequence, or recorded this very event: the loop tells which.
            }
        }
        throw new IllegalStateException("Could not append event " + event.eventId() + " in " + maxAttempts
                + " attempts: too many concurrent writers");
    }

    private boolean contains(String eventId) {
        return entries.find(Filters.eq(LedgerDocuments.EVENT_ID, eventId))
                .projection(Projections.include(LedgerDocuments.EVENT_ID))
                .first() != null;
    }
}
