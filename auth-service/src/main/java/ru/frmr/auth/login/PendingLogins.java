package ru.frmr.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.config.AuthProperties;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.contracts.auth.LoginMethod;

/**
 * Identified people whose login is not finished yet, keyed by the hash of their browser's login cookie:
 * waiting for their one-time code, or (unconfirmed accounts) allowed only to ask for activation. The e-mail
 * and the name (handed to the portal when the session opens) are stored sealed under the person's data key: a login
 * whose person is erased meanwhile is no longer waiting. A login saved before the name was kept has none.
 */
@Component
class PendingLogins {

    static final String COLLECTION = "pending_logins";

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final Clock clock;
    private final PersonalDataVault vault;

    PendingLogins(MongoTemplate mongo, AuthProperties properties, Clock clock, PersonalDataVault vault) {
        this.mongo = mongo;
        this.vault = vault;
        this.ttl = properties.loginStateTtl();
        this.clock = clock;
        // The sweep deletes what expired by this field (not a TTL index: the embedded Mongo of local runs has none).
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("expiresAt"));
    }

    void save(String browserHash, PendingLogin login) {
        collection().replaceOne(Filters.eq("_id", browserHash), new Document("_id", browserHash)
                .append("stage", login.stage().name())
                .append("accountId", login.accountId())
                .append("method", login.method().name())
                .append("roles", login.claims().roles().stream().map(Enum::name).toList())
                .append("workerId", login.claims().workerId())
                .append("orgId", login.claims().orgId())
                .append("orgBasis", login.claims().orgBasis())
                .append("dataSubject", login.dataSubject())
                .append("email", vault.seal(login.dataSubject(), login.email()))
                .append("person", sealName(login.dataSubject(), login.person()))
                .append("expiresAt", Date.from(clock.instant().plus(ttl))), new ReplaceOptions().upsert(true));
    }

    Optional<PendingLogin> find(String browserHash, Stage stage) {
        Document d = collection().find(Filters.and(Filters.eq("_id", browserHash),
                Filters.eq("stage", stage.name()))).first();
        if (d == null || !d.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        String subject = d.getString("dataSubject");
        String email = vault.open(subject, d.getString("email")).orElse(null);
        if (d.getString("email") != null && email == null) {
            return Optional.empty();
        }
        Document sealedName = d.get("person", Document.class);
        PersonName person = sealedName == null ? null : openName(subject, sealedName).orElse(null);
        if (sealedName != null && person == null) {
            return Optional.empty();
        }
        List<PlatformRole> roles = d.getList("roles", String.class).stream().map(PlatformRole::valueOf).toList();
        return Optional.of(new PendingLogin(stage, d.getString("accountId"), LoginMethod.valueOf(d.getString("method")),
                new SessionClaims(roles, d.getString("workerId"), d.getString("orgId"), d.getString("orgBasis")), subject,
                email, person));
    }

    void remove(String browserHash) {
        collection().deleteOne(Filters.eq("_id", browserHash));
    }

    long purgeExpired(Instant now) {
        return collection().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    private Document sealName(String subject, PersonName name) {
        return name == null ? null : new Document("lastName", vault.seal(subject, name.lastName()))
                .append("firstName", vault.seal(subject, name.firstName()))
                .append("middleName", vault.seal(subject, name.middleName()));
    }

    /** @return empty when a part that was sealed does not open any more (the person's data were erased) */
    private Optional<PersonName> openName(String subject, Document sealed) {
        String[] parts = new String[3];
        String[] fields = {"lastName", "firstName", "middleName"};
        for (int i = 0; i < fields.length; i++) {
            String stored = sealed.getString(fields[i]);
            parts[i] = vault.open(subject, stored).orElse(null);
            if (stored != null && parts[i] == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new PersonName(parts[0], parts[1], parts[2]));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    enum Stage {
        SECOND_FACTOR,
        ACTIVATION
    }

    /**
     * @param dataSubject the subject of the person's data key ({@link PersonalDataVault#subjectFor})
     * @param email       where the one-time code goes; null for {@link Stage#ACTIVATION}
     * @param person      the name reported at this login, or null (not kept for {@link Stage#ACTIVATION})
     */
    record PendingLogin(Stage stage, String accountId, LoginMethod method, SessionClaims claims, String dataSubject,
                        String email, PersonName person) {

        @Override
        public String toString() {
            return "PendingLogin[accountId=" + accountId + ", stage=" + stage + "]";
        }
    }
}
