package ru.frmr.notification.webhook;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The agencies revoked on auth-service, as their AgencyRevoked events told this service ({@code _id} = agencyId).
 * Kept here because an agency's access token outlives its revocation by up to its lifetime: no subscription of a
 * revoked agency is created, enabled again or sent to.
 */
@Component
class RevokedAgencies {

    static final String COLLECTION = "webhook_revoked_agencies";

    private final MongoTemplate mongo;

    RevokedAgencies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: a redelivered event keeps the first revocation's time. */
    void revoke(String agencyId, Instant revokedAt) {
        mongo.upsert(Query.query(Criteria.where("_id").is(agencyId)),
                new Update().setOnInsert("revokedAt", Date.from(revokedAt)), COLLECTION);
    }

    boolean isRevoked(String agencyId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(agencyId)), Document.class, COLLECTION);
    }
}
