package ru.frmr.registry.expiry;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The licences of approved records, as the expiry schedule keeps them. */
@Component
class ScheduledLicenses {

    private final MongoTemplate mongo;

    ScheduledLicenses(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ScheduledLicense.class).ensureIndex(new Index("workerId", Sort.Direction.ASC));
    }

    /** Writes the licence unless an event at least as new was applied to it already. */
    void applyIfNewer(ScheduledLicense license) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(license.id())
                .orOperator(Criteria.where("version").lt(license.version()), Criteria.where("version").exists(false)));
        Update update = new Update()
                .set("workerId", license.workerId())
                .set("entryId", license.entryId())
                .set("section", license.section())
                .set("specialtyCode", license.specialtyCode())
                .set("endDate", license.endDate())
                .set("approvedOn", license.approvedOn())
                .set("removed", license.removed())
                .set("version", license.version());
        try {
            mongo.upsert(olderOrAbsent, update, ScheduledLicense.class);
        } catch (DuplicateKeyException alreadyNewer) {
            // Stored with this or a later version: the upsert's insert clashed on _id. Nothing to do.
        }
    }

    /** The worker's current licences (removed ones left out). */
    List<ScheduledLicense> of(String workerId) {
        return mongo.find(Query.query(Criteria.where("workerId").is(workerId).and("removed").is(false)),
                ScheduledLicense.class);
    }
}
