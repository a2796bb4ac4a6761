package ru.frmr.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.crypto.SubjectShreddedException;
import ru.frmr.notification.notice.Inbox;
import ru.frmr.notification.notice.NoticeKind;

/**
 * The cabinet's inbox in Mongo, one document per notice ({@code _id} = the notification id, so a notice delivered
 * twice is stored once). Titles and texts name organisations, reasons and answers: they are sealed under the
 * account's key like its addresses, and go with them on erasure.
 */
@Component
public class MongoInbox implements Inbox {

    static final String COLLECTION = "inbox_items";

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;

    MongoInbox(MongoTemplate mongo, PersonalDataCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
        mongo.indexOps(COLLECTION).ensureIndex(new Index("accountId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
    }

    /** One notice as its owner reads it. */
    public record Item(String id, NoticeKind kind, String title, String body, Instant createdAt, boolean read) {
    }

    public record Page(List<Item> items, long unread, long total) {
    }

    @Override
    public void put(String accountId, String notificationId, NoticeKind kind, String title, String body,
                    Instant at) {
        try {
            Document item = new Document("_id", notificationId).append("accountId", accountId)
                    .append("kind", kind.name()).append("title", cipher.encrypt(accountId, title))
                    .append("body", cipher.encrypt(accountId, body)).append("createdAt", java.util.Date.from(at))
                    .append("read", false);
            mongo.insert(item, COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // The same notice delivered again: the inbox holds it once, read or not as the person left it.
        } catch (SubjectShreddedException erased) {
            // The person was erased after the notice was queued: their inbox holds nothing more.
        }
    }

    public Page page(String accountId, int page, int size) {
        Query ofAccount = Query.query(Criteria.where("accountId").is(accountId));
        long total = mongo.count(ofAccount, COLLECTION);
        List<Item> items = mongo.find(Query.of(ofAccount).with(Sort.by(Sort.Order.desc("createdAt"),
                        Sort.Order.desc("_id"))).skip((long) page * size).limit(size), Document.class, COLLECTION)
                .stream().map(d -> item(accountId, d)).toList();
        return new Page(items, unread(accountId), total);
    }

    public long unread(String accountId) {
        return mongo.count(Query.query(Criteria.where("accountId").is(accountId).and("read").is(false)),
                COLLECTION);
    }

    /** @return false when the account has no such notice (another's id is as good as none) */
    public boolean markRead(String accountId, String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId)),
                Update.update("read", true), COLLECTION).getMatchedCount() > 0;
    }

    public void markAllRead(String accountId) {
        mongo.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("read").is(false)),
                Update.update("read", true), COLLECTION);
    }

    /** The person's data were erased: their inbox goes (its texts were sealed under the shredded key anyway). */
    public void erase(String accountId) {
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId)), COLLECTION);
    }

    public Optional<Item> find(String accountId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id).and("accountId")
                .is(accountId)), Document.class, COLLECTION)).map(d -> item(accountId, d));
    }

    private Item item(String accountId, Document d) {
        return new Item(d.getString("_id"), NoticeKind.valueOf(d.getString("kind")),
                cipher.open(accountId, d.getString("title")).orElse(""),
                cipher.open(accountId, d.getString("body")).orElse(""), d.getDate("createdAt").toInstant(),
                Boolean.TRUE.equals(d.getBoolean("read")));
    }
}
