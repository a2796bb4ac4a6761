package ru.frmr.audit.ledger;

import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.BsonType;
import org.bson.Document;

/** The stored form of an entry in the {@value Ledger#COLLECTION} collection: one flat document per entry. */
final class LedgerDocuments {

    static final String SEQUENCE = "sequence";
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String SOURCE = "source";
    static final String SUBJECT = "subject";
    static final String TIME = "time";
    static final String ACTOR = "actor";
    static final String TOPIC = "topic";
    static final String PAYLOAD_DIGEST = "payloadDigest";
    static final String PREVIOUS_HASH = "previousHash";
    static final String HASH = "hash";
    static final String RECORDED_AT = "recordedAt";

    private LedgerDocuments() {
    }

    static Document toDocument(LedgerEntry entry) {
        AuditedEvent event = entry.event();
        return new Document(SEQUENCE, entry.sequence())
                .append(EVENT_ID, event.eventId())
                .append(TYPE, event.type())
                .append(SOURCE, event.source())
                .append(SUBJECT, event.subject())
                .append(TIME, event.time() == null ? null : Date.from(event.time()))
                .append(ACTOR, event.actor())
                .append(TOPIC, event.topic())
                .append(PAYLOAD_DIGEST, event.payloadDigest())
                .append(PREVIOUS_HASH, entry.previousHash())
                .append(HASH, entry.hash())
                .append(RECORDED_AT, Date.from(entry.recordedAt()));
    }

    /** The sequence and hash of the last entry: all that appending the next one needs. */
    record Tail(long sequence, String hash) {

        /** What entry 1 follows. */
        static final Tail EMPTY = new Tail(0, EntryHash.GENESIS);
    }

    /** Only sequences stored as the application writes them count, so an edited document cannot become the tail. */
    static Tail tail(MongoCollection<Document> entries) {
        Document last = entries.find(Filters.type(SEQUENCE, BsonType.INT64))
                .projection(Projections.include(SEQUENCE, HASH))
                .sort(Sorts.descending(SEQUENCE))
                .limit(1)
                .first();
        if (last == null) {
            return Tail.EMPTY;
        }
        long sequence = last.getLong(SEQUENCE);
        return new Tail(sequence, text(last, HASH, sequence));
    }

    /** @throws MalformedEntryException when a field is missing or has a type the application never writes */
    static LedgerEntry toEntry(Document doc) {
        if (!(doc.get(SEQUENCE) instanceof Long sequence)) {
            throw new MalformedEntryException(null, SEQUENCE);
        }
        AuditedEvent event = new AuditedEvent(
                required(doc, EVENT_ID, sequence), required(doc, TYPE, sequence), required(doc, SOURCE, sequence),
                text(doc, SUBJECT, sequence), instant(doc, TIME, sequence), text(doc, ACTOR, sequence),
                required(doc, TOPIC, sequence), required(doc, PAYLOAD_DIGEST, sequence));
        return new LedgerEntry(sequence, event, text(doc, PREVIOUS_HASH, sequence),
                requiredInstant(doc, sequence), text(doc, HASH, sequence));
    }

    private static String text(Document doc, String field, long sequence) {
        Object value = doc.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new MalformedEntryException(sequence, field);
    }

    private static String required(Document doc, String field, long sequence) {
        String value = text(doc, field, sequence);
        if (value == null) {
            throw new MalformedEntryException(sequence, field);
        }
        return value;
    }

    private static Instant instant(Document doc, String field, long sequence) {
        Object value = doc.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        throw new MalformedEntryException(sequence, field);
    }

    private static Instant requiredInstant(Document doc, long sequence) {
        Instant value = instant(doc, RECORDED_AT, sequence);
        if (value == null) {
            throw new MalformedEntryException(sequence, RECORDED_AT);
        }
        return value;
    }
}
