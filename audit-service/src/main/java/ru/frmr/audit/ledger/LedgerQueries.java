package ru.frmr.audit.ledger;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the ledger: filtered pages, single entries, and verification of the whole chain. */
public class LedgerQueries {

    private static final Logger log = LoggerFactory.getLogger(LedgerQueries.class);

    private final MongoCollection<Document> entries;
    private final int verifyBatchSize;

    /** @param verifyBatchSize entries fetched per round trip while verifying; bounds the memory verification uses */
    public LedgerQueries(MongoCollection<Document> entries, int verifyBatchSize) {
        this.entries = entries;
        this.verifyBatchSize = verifyBatchSize;
    }

    public EntryPage find(EntryFilter filter, int page, int size) {
        Bson query = toQuery(filter);
        long total = entries.countDocuments(query);
        long skip = (long) page * size;
        if (skip >= total) {
            return new EntryPage(List.of(), total);
        }
        List<LedgerEntry> items = new ArrayList<>(size);
        entries.find(query)
                .sort(Sorts.ascending(LedgerDocuments.SEQUENCE))
                .skip(Math.toIntExact(skip))
                .limit(size)
                .map(LedgerDocuments::toEntry)
                .into(items);
        return new EntryPage(items, total);
    }

    public Optional<LedgerEntry> bySequence(long sequence) {
        return Optional.ofNullable(entries.find(Filters.eq(LedgerDocuments.SEQUENCE, sequence)).first())
                .map(LedgerDocuments::toEntry);
    }

    /**
     * Recomputes the chain from entry 1 up to the tail as it is when the check starts, so entries appended
     * meanwhile neither break nor lengthen the check. Streams through a cursor.
     */
    public Verification verify() {
        long last = LedgerDocuments.tail(entries).sequence();
        Verification result;
        try (MongoCursor<LedgerEntry> cursor = entries.find(Filters.lte(LedgerDocuments.SEQUENCE, last))
                .sort(Sorts.ascending(LedgerDocuments.SEQUENCE))
                .batchSize(verifyBatchSize)
                .map(LedgerDocuments::toEntry)
                .cursor()) {
            result = ChainVerifier.verify(cursor);
        }
        if (!result.intact()) {
            log.warn("Audit ledger chain broken at sequence {}: {}", result.firstBrokenSequence(),
                    result.reason().label());
        }
        return result;
    }

    /**
     * The entries from {@code fromSequence} to {@code toSequence} (inclusive) in sequence order, streamed in batches;
     * reading one that cannot be an entry throws {@link MalformedEntryException}. The caller closes the cursor.
     */
    public MongoCursor<LedgerEntry> inSequenceOrder(long fromSequence, long toSequence) {
        return entries.find(Filters.and(Filters.gte(LedgerDocuments.SEQUENCE, fromSequence),
                        Filters.lte(LedgerDocuments.SEQUENCE, toSequence)))
                .sort(Sorts.ascending(LedgerDocuments.SEQUENCE))
                .batchSize(verifyBatchSize)
                .map(LedgerDocuments::toEntry)
                .cursor();
    }

    /** The sequence of the last entry, 0 when the ledger is empty. */
    public long lastSequence() {
        return LedgerDocuments.tail(entries).sequence();
    }

    private static Bson toQuery(EntryFilter filter) {
        List<Bson> criteria = new ArrayList<>();
        if (filter.subject() != null) {
            criteria.add(Filters.eq(LedgerDocuments.SUBJECT, filter.subject()));
        }
        if (filter.type() != null) {
            criteria.add(Filters.eq(LedgerDocuments.TYPE, filter.type()));
        }
        if (filter.from() != null) {
            criteria.add(Filters.gte(LedgerDocuments.TIME, Date.from(filter.from())));
        }
        if (filter.to() != null) {
            criteria.add(Filters.lt(LedgerDocuments.TIME, Date.from(filter.to())));
        }
        return criteria.isEmpty() ? Filters.empty() : Filters.and(criteria);
    }
}
