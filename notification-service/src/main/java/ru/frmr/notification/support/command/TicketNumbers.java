package ru.frmr.notification.support.command;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Ticket numbers people read out on the phone: {@code ФРМР-2026-000123}, the year in Moscow and the request's
 * place in that year. One counter document per year, incremented atomically ({@code findAndModify $inc}, upsert):
 * concurrent filings on any replica get distinct numbers with no gaps but those of filings that failed after
 * drawing theirs. Sequential numbers reveal how many requests were filed; they open nothing (a request is read
 * only by its requester and by SUPPORT, by its id).
 */
@Component
public class TicketNumbers {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final MongoTemplate mongo;

    TicketNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public String next(Instant at) {
        int year = at.atZone(MOSCOW).getYear();
        return "ФРМР-%d-%06d".formatted(year, draw(year));
    }

    private long draw(int year) {
        Query query = Query.query(Criteria.where("_id").is(Integer.toString(year)));
        Update increment = new Update().inc("value", 1L);
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, increment, options, Counter.class).value();
        } catch (DuplicateKeyException createdMeanwhile) {
            // Two first filings of a year both tried to create the counter; it exists now, so this one increments.
            return mongo.findAndModify(query, increment, options, Counter.class).value();
        }
    }

    @Document("support_ticket_counters")
    record Counter(@Id String year, long value) {
    }
}
