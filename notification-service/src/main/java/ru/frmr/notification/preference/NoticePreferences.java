package ru.frmr.notification.preference;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;

/** The accounts' preferences, one document per account; an account that never chose has the defaults. */
@Component
public class NoticePreferences {

    static final String COLLECTION = "notice_preferences";

    private final MongoTemplate mongo;

    NoticePreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Preferences of(String accountId) {
        Document doc = mongo.findById(accountId, Document.class, COLLECTION);
        if (doc == null) {
            return Preferences.DEFAULT;
        }
        Map<NoticeKind, Map<NotificationChannel, Boolean>> choices = new EnumMap<>(NoticeKind.class);
        Document stored = doc.get("choices", Document.class);
        if (stored != null) {
            stored.forEach((kind, channels) -> {
                Map<NotificationChannel, Boolean> byChannel = new EnumMap<>(NotificationChannel.class);
                ((Document) channels).forEach((channel, on) -> byChannel.put(NotificationChannel.valueOf(channel),
                        (Boolean) on));
                choices.put(NoticeKind.valueOf(kind), byChannel);
            });
        }
        Document quiet = doc.get("quietHours", Document.class);
        QuietHours quietHours = quiet == null ? QuietHours.OFF : new QuietHours(quiet.getBoolean("enabled"),
                LocalTime.parse(quiet.getString("from")), LocalTime.parse(quiet.getString("to")),
                ZoneId.of(quiet.getString("timeZone")));
        return new Preferences(choices, quietHours);
    }

    public void save(String accountId, Preferences preferences) {
        Document choices = new Document();
        preferences.choices().forEach((kind, channels) -> {
            Document byChannel = new Document();
            channels.forEach((channel, on) -> byChannel.put(channel.name(), on));
            choices.put(kind.name(), byChannel);
        });
        QuietHours q = preferences.quietHours();
        Document quiet = new Document("enabled", q.enabled()).append("from", q.from().toString())
                .append("to", q.to().toString()).append("timeZone", q.timeZone().getId());
        mongo.upsert(Query.query(Criteria.where("_id").is(accountId)),
                new Update().set("choices", choices).set("quietHours", quiet), COLLECTION);
    }

    /** The person's data were erased: their choices go with them. */
    public void forget(String accountId) {
        mongo.remove(Query.query(Criteria.where("_id").is(accountId)), COLLECTION);
    }
}
