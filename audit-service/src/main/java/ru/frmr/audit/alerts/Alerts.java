package ru.frmr.audit.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.audit.AuditAlertRaised;

/**
 * The alerts raised ({@value #COLLECTION}), keyed by alert id; each is stored before it is published and marked
 * once Kafka took it, so a crash in between publishes it again with the same content and id.
 */
public class Alerts {

    static final String COLLECTION = "audit_alerts";

    private final MongoCollection<Document> collection;

    Alerts(MongoCollection<Document> collection) {
        this.collection = collection;
        // The alerts page's order (newest first, ties by id) is this index's: no collection scan to sort.
        collection.createIndex(Indexes.compoundIndex(Indexes.descending("occurredAt"), Indexes.ascending("_id")));
    }

    /** @return true when this call stored it (false: it was there already, as first stored) */
    boolean store(AuditAlertRaised alert) {
        return collection.updateOne(Filters.eq("_id", alert.alertId()), Updates.combine(
                Updates.setOnInsert("rule", alert.rule().name()),
                Updates.setOnInsert("subject", alert.subject()),
                Updates.setOnInsert("count", alert.count()),
                Updates.setOnInsert("threshold", alert.threshold()),
                Updates.setOnInsert("windowStart", Date.from(alert.windowStart())),
                Updates.setOnInsert("windowEnd", Date.from(alert.windowEnd())),
                Updates.setOnInsert("occurredAt", Date.from(alert.occurredAt())),
                Updates.setOnInsert("published", false)), new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    /** The alert as first stored, and whether Kafka has it. */
    Stored get(String alertId) {
        Document d = collection.find(Filters.eq("_id", alertId)).first();
        if (d == null) {
            throw new IllegalStateException("Alert " + alertId + " was stored a moment ago");
        }
        return new Stored(of(d), d.getBoolean("published", false));
    }

    void markPublished(String alertId) {
        collection.updateOne(Filters.eq("_id", alertId), Updates.set("published", true));
    }

    /** Newest first. */
    public List<AuditAlertRaised> page(int page, int size) {
        List<AuditAlertRaised> alerts = new ArrayList<>();
        for (Document d : collection.find().sort(Sorts.orderBy(Sorts.descending("occurredAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size)) {
            alerts.add(of(d));
        }
        return alerts;
    }

    public long total() {
        return collection.countDocuments();
    }

    private static AuditAlertRaised of(Document d) {
        return new AuditAlertRaised(d.getString("_id"), AlertRule.valueOf(d.getString("rule")),
                d.getString("subject"), d.get("count", Number.class).longValue(),
                d.get("threshold", Number.class).longValue(), instant(d, "windowStart"), instant(d, "windowEnd"),
                instant(d, "occurredAt"));
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field).toInstant();
    }

    record Stored(AuditAlertRaised alert, boolean published) {
    }
}
