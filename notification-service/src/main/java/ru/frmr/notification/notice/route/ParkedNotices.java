package ru.frmr.notification.notice.route;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.crypto.SubjectShreddedException;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Recipient;

/**
 * Notices for a worker whose login account is not known yet (the registry's {@code WorkerAccountLinked} may come
 * after the event that tells them something): kept in Mongo, one document per (source event, kind, worker), the
 * fields sealed under the worker's key, until the link arrives. Parking the same notice again changes nothing.
 */
@Component
public class ParkedNotices {

    static final String COLLECTION = "notice_parked";

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;

    ParkedNotices(MongoTemplate mongo, PersonalDataCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
        mongo.indexOps(COLLECTION).ensureIndex(new Index("workerId", Sort.Direction.ASC));
    }

    public void park(String workerId, Notice notice) {
        String subject = new Recipient.Worker(workerId).key();
        Document fields = new Document();
        try {
            notice.fields().forEach((name, value) -> fields.put(name, cipher.encrypt(subject, value)));
        } catch (SubjectShreddedException erased) {
            // The worker was erased meanwhile: nothing waits for them.
            return;
        }
        Update update = new Update().setOnInsert("workerId", workerId).setOnInsert("sourceEventId",
                        notice.sourceEventId()).setOnInsert("kind", notice.kind().name())
                .setOnInsert("fields", fields).setOnInsert("occurredAt", notice.occurredAt() == null ? null
                        : Date.from(notice.occurredAt()));
        if (notice.channels() != null) {
            update.setOnInsert("channels", notice.channels().stream().map(Enum::name).toList());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(notice.sourceEventId() + "|" + notice.kind() + "|"
                + workerId)), update, COLLECTION);
    }

    /** The notices waiting for the worker, now addressed to their account; their fields opened. */
    public List<Parked> of(String workerId, String accountId) {
        String subject = new Recipient.Worker(workerId).key();
        return mongo.find(Query.query(Criteria.where("workerId").is(workerId)), Document.class, COLLECTION)
                .stream().map(d -> {
                    Map<String, String> fields = new HashMap<>();
                    Document sealed = d.get("fields", Document.class);
                    if (sealed != null) {
                        sealed.forEach((name, value) -> cipher.open(subject, (String) value)
                                .ifPresent(v -> fields.put(name, v)));
                    }
                    @SuppressWarnings("unchecked")
                    List<String> channels = (List<String>) d.get("channels");
                    Set<NotificationChannel> chosen = channels == null ? null : channels.stream()
                            .map(NotificationChannel::valueOf).collect(Collectors.toSet());
                    Instant occurredAt = Optional.ofNullable(d.getDate("occurredAt")).map(Date::toInstant)
                            .orElse(null);
                    return new Parked(d.getString("_id"), new Notice(d.getString("sourceEventId"),
                            NoticeKind.valueOf(d.getString("kind")), new Recipient.Account(accountId), fields,
                            chosen, occurredAt));
                }).toList();
    }

    public void release(String parkedId) {
        mongo.remove(Query.query(Criteria.where("_id").is(parkedId)), COLLECTION);
    }

    /** The worker was erased: what waited for them is dropped (its key is shredded with theirs). */
    public void discard(String workerId) {
        mongo.remove(Query.query(Criteria.where("workerId").is(workerId)), COLLECTION);
    }

    public record Parked(String id, Notice notice) {
    }
}
