package ru.frmr.auth.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.session.Hashes;

/**
 * Six-digit one-time codes, valid five minutes, one outstanding per login or session (a new one replaces
 * it), bound to the device that asked for it, single use. Stored only as an HMAC under a server-side
 * pepper: the code space is small, so a plain hash in a leaked collection would give the codes away.
 */
public class OneTimeCodes {

    static final String COLLECTION = "one_time_codes";
    /** A new code for the same login or session no sooner than this: the mailbox is not to be flooded. */
    private static final Duration RESEND_AFTER = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final SecretKeySpec pepper;
    private final Duration ttl;
    private final Clock clock;

    public OneTimeCodes(MongoTemplate mongo, String pepper, Duration ttl, Clock clock) {
        this.mongo = mongo;
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
        // The sweep deletes what expired by this field (not a TTL index: the embedded Mongo of local runs has none).
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("expiresAt"));
    }

    /**
     * @param key     the login or session the code belongs to ({@code login:<browser>} / {@code step-up:<sid>})
     * @param binding what identifies the device (the login cookie or session id, and the user agent)
     * @return the code, to be sent and then forgotten
     */
    public IssuedCode issue(String key, String accountId, CodePurpose purpose, String binding) {
        Instant now = clock.instant();
        Document previous = collection().find(Filters.eq("_id", key)).first();
        if (previous != null && previous.getDate("issuedAt").toInstant().plus(RESEND_AFTER).isAfter(now)) {
            throw new AuthException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "A code was sent moments ago; wait half a minute before asking for another.");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(ttl);
        collection().replaceOne(Filters.eq("_id", key), new Document("_id", key)
                .append("accountId", accountId)
                .append("purpose", purpose.name())
                .append("binding", Hashes.sha256(binding))
                .append("codeHash", hash(key, code))
                .append("issuedAt", Date.from(now))
                .append("expiresAt", Date.from(expiresAt)), new ReplaceOptions().upsert(true));
        return new IssuedCode(code, expiresAt);
    }

    /**
     * Uses up the code when it is right. A wrong code leaves it in place (the account counts the failure);
     * a missing, expired or other-device code is a problem of its own and counts as nothing.
     *
     * @return whether the code was right
     */
    public boolean consume(String key, String code, String binding) {
        Instant now = clock.instant();
        Document stored = collection().find(Filters.and(Filters.eq("_id", key),
                Filters.eq("binding", Hashes.sha256(binding)))).first();
        if (stored == null || !stored.getDate("expiresAt").toInstant().isAfter(now)) {
            throw new AuthException(HttpStatus.BAD_REQUEST, "code-expired",
                    "No valid one-time code was sent to this device; ask for a new one.");
        }
        return collection().findOneAndDelete(Filters.and(Filters.eq("_id", key),
                Filters.eq("codeHash", hash(key, code)))) != null;
    }

    /**
     * What a code is bound to: the login's browser (its login cookie) or the session, and the user agent, so
     * a code cannot be used from another device.
     */
    public static String binding(String browserOrSession, String userAgent) {
        return browserOrSession + "|" + (userAgent == null ? "" : userAgent);
    }

    /** Drops codes past their time (the embedded Mongo of local runs has no TTL indexes). */
    public long purgeExpired(Instant now) {
        return collection().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    private String hash(String key, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal((key + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** A freshly made code; {@link #toString()} hides it. */
    public record IssuedCode(String code, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedCode[expiresAt=" + expiresAt + "]";
        }
    }
}
