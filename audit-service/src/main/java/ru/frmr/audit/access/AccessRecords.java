package ru.frmr.audit.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import ru.frmr.contracts.access.PersonalDataAccessed;

/**
 * The read model of «кто смотрел мои данные»: one document per access, keyed by its access id, so a redelivered
 * event writes the same document again and changes nothing. Holds the reader's role and agency or organisation,
 * never their account id or name.
 */
public class AccessRecords {

    public static final String COLLECTION = "access_records";

    private final MongoCollection<Document> collection;

    public AccessRecords(MongoCollection<Document> collection) {
        this.collection = collection;
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("workerId"), Indexes.descending("at")),
                new IndexOptions().name("worker_at"));
    }

    void add(PersonalDataAccessed access) {
        Document document = new Document("_id", access.accessId())
                .append("workerId", access.workerId())
                .append("at", Date.from(access.occurredAt()))
                .append("actorRole", access.actor().role())
                .append("agencyId", access.actor().agencyId())
                .append("orgId", access.actor().orgId())
                .append("what", access.what().name())
                .append("purpose", access.purpose())
                .append("service", access.service());
        collection.replaceOne(Filters.eq("_id", access.accessId()), document, new ReplaceOptions().upsert(true));
    }

    /** The worker's accesses, newest first. */
    public List<AccessView> ofWorker(String workerId, int page, int size) {
        List<AccessView> views = new ArrayList<>();
        for (Document d : collection.find(Filters.eq("workerId", workerId))
                .sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id"))).skip(page * size).limit(size)) {
            views.add(new AccessView(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actorRole"),
                    d.getString("agencyId"), d.getString("orgId"), d.getString("what"), d.getString("purpose"),
                    d.getString("service")));
        }
        return views;
    }

    public long countOfWorker(String workerId) {
        return collection.countDocuments(Filters.eq("workerId", workerId));
    }

    /** One access as stored. */
    public record AccessView(String accessId, Instant at, String actorRole, String agencyId, String orgId,
                             String what, String purpose, String service) {
    }
}
