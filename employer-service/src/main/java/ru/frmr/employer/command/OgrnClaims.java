package ru.frmr.employer.command;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which organisation holds an ОГРН. Uniqueness without transactions: a claim's {@code _id} is the ОГРН, so Mongo's
 * unique {@code _id} index lets exactly one of two simultaneous claims insert. A claim can outlive its purpose (a
 * crash between the claim and the organisation's event): {@link OrganizationRegistry} decides whether a held claim is
 * stale and hands it over with {@link #takeOver}, which succeeds only if nobody changed the claim meanwhile.
 */
@Component
class OgrnClaims {

    static final String COLLECTION = "organization_ogrn_claims";

    private final MongoTemplate mongo;
    private final Clock clock;

    OgrnClaims(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @return empty when this organisation holds the ОГРН now, else the other organisation's claim */
    Optional<Claim> claim(String ogrn, String organizationId) {
        try {
            mongo.insert(new Claim(ogrn, organizationId, clock.instant()), COLLECTION);
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return find(ogrn).filter(held -> !held.organizationId().equals(organizationId));
        }
    }

    Optional<String> holder(String ogrn) {
        return find(ogrn).map(Claim::organizationId);
    }

    private Optional<Claim> find(String ogrn) {
        return Optional.ofNullable(mongo.findById(ogrn, Claim.class, COLLECTION));
    }

    /** Moves the claim from {@code staleHolder} to {@code organizationId}; false when it no longer is the stale one's. */
    boolean takeOver(String ogrn, String staleHolder, String organizationId) {
        return mongo.updateFirst(
                Query.query(Criteria.where("_id").is(ogrn).and("organizationId").is(staleHolder)),
                Update.update("organizationId", organizationId).set("claimedAt", clock.instant()),
                COLLECTION).getModifiedCount() == 1;
    }

    /** Gives the ОГРН up, if this organisation still holds it. */
    void release(String ogrn, String organizationId) {
        mongo.remove(Query.query(Criteria.where("_id").is(ogrn).and("organizationId").is(organizationId)),
                COLLECTION);
    }

    @Document(COLLECTION)
    record Claim(@Id String ogrn, String organizationId, Instant claimedAt) {
    }
}
