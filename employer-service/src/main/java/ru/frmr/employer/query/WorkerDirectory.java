package ru.frmr.employer.query;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Workers' names (ФИО) by registry number, as the registry announced them ({@code WorkerRegistered}), for the
 * staff and request lists: the only personal data the employer-service keeps, and it goes when the registry erases
 * the worker's ({@code PersonalDataErased}). An erased worker stays erased: a late or repeated registration does
 * not bring the name back.
 */
@Component
public class WorkerDirectory {

    static final String COLLECTION = "worker_directory";

    private final MongoTemplate mongo;

    public WorkerDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the name unless the worker's data were erased; the same registration twice changes nothing. */
    public void registered(String workerId, String lastName, String firstName, String middleName,
                           Instant registeredAt) {
        Query notErased = Query.query(Criteria.where("_id").is(workerId).and("erased").ne(true));
        Update update = new Update().set("lastName", lastName).set("firstName", firstName)
                .set("middleName", middleName).set("registeredAt", registeredAt);
        try {
            mongo.upsert(notErased, update, COLLECTION);
        } catch (DuplicateKeyException erasedAlready) {
            // The worker's document exists and is erased: the upsert tried to make a second one. Nothing to
            // do.
        }
    }

    /** Forgets the name for good. */
    public void erased(String workerId, Instant erasedAt) {
        Update update = new Update().unset("lastName").unset("firstName").unset("middleName")
                .set("erased", true).set("erasedAt", erasedAt);
        mongo.upsert(Query.query(Criteria.where("_id").is(workerId)), update, COLLECTION);
    }

    /** Whether the registry announced this worker and has not erased their data. */
    public boolean registers(String workerId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(workerId).and("erased").ne(true)), COLLECTION);
    }

    /** ФИО («Иванова Мария Петровна») of each worker known by name; erased and unknown ones are absent. */
    public Map<String, String> names(Collection<String> workerIds) {
        Map<String, String> names = new HashMap<>();
        if (workerIds.isEmpty()) {
            return names;
        }
        Query query = Query.query(Criteria.where("_id").in(workerIds).and("erased").ne(true));
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            StringJoiner name = new StringJoiner(" ");
            for (String part : new String[] {d.getString("lastName"), d.getString("firstName"),
                    d.getString("middleName")}) {
                if (part != null && !part.isBlank()) {
                    name.add(part);
                }
            }
            names.put(d.getString("_id"), name.toString());
        }
        return names;
    }
}
