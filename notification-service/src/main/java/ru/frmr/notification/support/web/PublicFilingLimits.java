package ru.frmr.notification.support.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.notification.support.SupportProperties;

/**
 * The rate limit of filings without logging in (there is no captcha): per client address and per e-mail address,
 * in fixed windows counted in Mongo, so that every replica counts the same and a restart forgets nothing. A window
 * is named by a SHA-256 digest of the address, never the address itself; ended windows are deleted by the sweep.
 */
@Component
public class PublicFilingLimits {

    private final MongoTemplate mongo;
    private final SupportProperties.PublicLimits limits;

    PublicFilingLimits(MongoTemplate mongo, SupportProperties properties) {
        this.mongo = mongo;
        this.limits = properties.publicLimits();
        // The sweep deletes ended windows by their end (not a TTL index: the embedded Mongo of local runs has none).
        mongo.indexOps(Window.class).ensureIndex(new Index("endsAt", Sort.Direction.ASC));
    }

    /**
     * Counts one filing from this client and for this e-mail.
     *
     * @throws TooManyFilingsException when either limit is spent in its current window
     */
    void count(String clientAddress, String email, Instant now) {
        take("address", clientAddress, limits.perAddress(), limits.addressWindow(), now);
        take("email", email.toLowerCase(Locale.ROOT), limits.perEmail(), limits.emailWindow(), now);
    }

    public void forgetEndedWindows(Instant now) {
        mongo.remove(Query.query(Criteria.where("endsAt").lte(now)), Window.class);
    }

    private void take(String kind, String value, int limit, Duration window, Instant now) {
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        Instant end = start.plus(window);
        String id = kind + ":" + digest(value) + ":" + start.toEpochMilli();
        long used = increment(id, end);
        if (used > limit) {
            long seconds = Math.max(1, (Duration.between(now, end).toMillis() + 999) / 1000);
            throw new TooManyFilingsException(kind.equals("email") ? "email" : null, seconds);
        }
    }

    private long increment(String id, Instant end) {
        Query query = Query.query(Criteria.where("_id").is(id));
        Update update = new Update().inc("count", 1L).setOnInsert("endsAt", end);
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, update, options, Window.class).count();
        } catch (DuplicateKeyException createdMeanwhile) {
            return mongo.findAndModify(query, update, options, Window.class).count();
        }
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Document("support_public_filing_windows")
    record Window(@Id String id, long count, Instant endsAt) {
    }
}
