package ru.frmr.audit.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.frmr.contracts.audit.AlertRule;

/**
 * The rules' counting state in Mongo ({@value #COLLECTION}): one document per rule, subject and fixed window, with
 * the set of distinct keys seen in it. Adding to a set makes a redelivered event count once; windows are aligned
 * to the epoch, so every replica and every redelivery puts an event in the same window.
 */
class AlertWindows {

    static final String COLLECTION = "alert_windows";

    private final MongoCollection<Document> collection;

    AlertWindows(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The window {@code at} falls in. */
    static Instant windowStart(Instant at, Duration window) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }

    /** The alert id of a rule, subject and window: the same whoever computes it, so an alert is raised once. */
    static String alertId(AlertRule rule, String subject, Instant windowStart) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((rule + "|" + subject + "|"
                    + windowStart.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            return "al-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Counts {@code key} in the window; once the window has raised its alert, keys are no longer stored (a flood
     * must not grow the document without bound).
     *
     * @return the window as it stands afterwards
     */
    Window count(AlertRule rule, String subject, Instant windowStart, Duration window, String key) {
        String id = alertId(rule, subject, windowStart);
        Document existing = collection.find(Filters.eq("_id", id)).first();
        if (existing != null && existing.getBoolean("raised", false)) {
            return Window.of(existing);
        }
        Document after = collection.findOneAndUpdate(Filters.eq("_id", id), Updates.combine(
                        Updates.setOnInsert("rule", rule.name()),
                        Updates.setOnInsert("subject", subject),
                        Updates.setOnInsert("windowStart", Date.from(windowStart)),
                        Updates.setOnInsert("windowEnd", Date.from(windowStart.plus(window))),
                        Updates.addToSet("keys", key)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return Window.of(after);
    }

    /** Records that the window's alert was raised with {@code count}; the first count recorded stays. */
    void markRaised(String alertId, long count) {
        collection.updateOne(Filters.and(Filters.eq("_id", alertId), Filters.ne("raised", true)),
                Updates.combine(Updates.set("raised", true), Updates.set("raisedCount", count),
                        Updates.unset("keys")));
    }

    Optional<Window> find(String alertId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", alertId)).first()).map(Window::of);
    }

    /** @param count distinct keys seen (or, once raised, the count the alert was raised with) */
    record Window(String alertId, boolean raised, long count) {

        static Window of(Document d) {
            boolean raised = d.getBoolean("raised", false);
            List<?> keys = d.getList("keys", Object.class);
            long count = raised ? d.get("raisedCount", Number.class).longValue() : keys == null ? 0 : keys.size();
            return new Window(d.getString("_id"), raised, count);
        }
    }
}
