package ru.frmr.auth.qes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.frmr.auth.session.Hashes;

/** Random challenges for signature login: single use, five minutes, stored by hash on any replica. */
@Component
public class QesChallenges {

    static final String COLLECTION = "qes_challenges";
    static final Duration TTL = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final Clock clock;

    QesChallenges(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // The sweep deletes what expired by this field (not a TTL index: the embedded Mongo of local runs has none).
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("expiresAt"));
    }

    Challenge issue() {
        String challenge = Hashes.randomSecret();
        Instant expiresAt = clock.instant().plus(TTL);
        collection().insertOne(new Document("_id", Hashes.sha256(challenge))
                .append("expiresAt", Date.from(expiresAt)));
        return new Challenge(challenge, expiresAt);
    }

    /** True once for a challenge this service issued that has not expired. */
    boolean take(String challenge) {
        Document d = collection().findOneAndDelete(Filters.eq("_id", Hashes.sha256(challenge)));
        return d != null && d.getDate("expiresAt").toInstant().isAfter(clock.instant());
    }

    /** Drops challenges past their time (the embedded Mongo of local runs has no TTL indexes). */
    public long purgeExpired(Instant now) {
        return collection().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    public record Challenge(String challenge, Instant expiresAt) {
    }
}
