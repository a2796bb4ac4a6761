package ru.frmr.auth.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The idempotent write every projection here uses. */
final class Projections {

    private Projections() {
    }

    /**
     * Applies {@code update} only when the event is newer than what the view holds, so a replayed or
     * re-delivered event changes nothing.
     */
    static void applyIfNewer(MongoTemplate mongo, Class<?> view, String id, long sequence, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(id)
                .orOperator(Criteria.where("version").lt(sequence), Criteria.where("version").exists(false)));
        try {
            mongo.upsert(newer, update.set("version", sequence), view);
        } catch (DuplicateKeyException alreadyNewer) {
            // The view exists with this or a later version: the upsert's insert clashed on _id. Nothing to do.
        }
    }
}
