package ru.frmr.auth.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Used assertion ids in Mongo, keyed by client and jti in {@code _id}: the unique primary key makes the second
 * insert fail, so two replicas given the same assertion at the same moment issue one token between them. An id is
 * kept until its assertion has expired (after that the assertion is refused for its {@code exp} anyway); the sweep
 * deletes the rest, as the embedded Mongo of local runs has no TTL indexes.
 */
class MongoAssertionJtis implements AssertionJtis {

    static final String COLLECTION = "client_assertion_jtis";

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoAssertionJtis(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // The sweep deletes what expired by this field (not a TTL index: the embedded Mongo of local runs has none).
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("expiresAt"));
    }

    @Override
    public boolean firstUse(String clientId, String jti, Instant expiresAt) {
        try {
            collection().insertOne(new Document("_id", clientId + " " + jti).append("expiresAt", Date.from(expiresAt)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void purgeExpired() {
        collection().deleteMany(Filters.lt("expiresAt", Date.from(clock.instant())));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
