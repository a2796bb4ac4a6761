package ru.frmr.portal.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import com.mongodb.client.model.Indexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The person's platform tokens, on the portal's side only (backend-for-frontend): the browser holds the portal's
 * session cookie and nothing else. Stored in Mongo rather than in the HTTP session so that a refresh (the refresh
 * token rotates, and using an old one twice ends the whole session at auth-service) is decided on the stored
 * state under a version check, not on a copy each concurrent request loaded. Keyed by a hash of a random handle
 * the HTTP session holds; the tokens are sealed ({@link TokenSeal}).
 */
@Component
public class PortalLogins {

    static final String COLLECTION = "portal_logins";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final TokenSeal seal;
    private final Clock clock;

    public PortalLogins(MongoTemplate mongo, TokenSeal seal, Clock clock) {
        this.mongo = mongo;
        this.seal = seal;
        this.clock = clock;
        // The sweep forgets idle logins by this field.
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("updatedAt"));
    }

    /** What a login holds: the current access token, the refresh token, and a step-up token while one is fresh. */
    public record Tokens(String accessToken, Instant accessExpiresAt, String refreshToken, String stepUpToken,
                         Instant stepUpExpiresAt, long version) {

        @Override
        public String toString() {
            return "Tokens[accessExpiresAt=" + accessExpiresAt + ", version=" + version + "]";
        }
    }

    @Document(COLLECTION)
    record StoredLogin(@Id String id, byte[] access, Instant accessExpiresAt, byte[] refresh, byte[] stepUp,
                       Instant stepUpExpiresAt, long version, Instant createdAt, Instant updatedAt) {
    }

    /** Stores a new login's tokens and answers its handle (for the HTTP session). */
    public String create(String accessToken, Duration accessTtl, String refreshToken) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String id = id(handle);
        Instant now = clock.instant();
        mongo.insert(new StoredLogin(id, seal.seal(accessToken, id), now.plus(accessTtl),
                seal.seal(refreshToken, id), null, null, 0, now, now));
        return handle;
    }

    public Optional<Tokens> find(String handle) {
        String id = id(handle);
        StoredLogin stored = mongo.findById(id, StoredLogin.class);
        if (stored == null) {
            return Optional.empty();
        }
        String access = seal.open(stored.access(), id);
        String refresh = seal.open(stored.refresh(), id);
        if (access == null || refresh == null) {
            return Optional.empty();
        }
        String stepUp = stored.stepUp() == null ? null : seal.open(stored.stepUp(), id);
        return Optional.of(new Tokens(access, stored.accessExpiresAt(), refresh, stepUp, stored.stepUpExpiresAt(),
                stored.version()));
    }

    /** Replaces the tokens after a refresh, only if nobody replaced them since {@code version}; false otherwise. */
    public boolean replace(String handle, long version, String accessToken, Duration accessTtl, String refreshToken) {
        String id = id(handle);
        Instant now = clock.instant();
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(version)),
                new Update().set("access", seal.seal(accessToken, id)).set("accessExpiresAt", now.plus(accessTtl))
                        .set("refresh", seal.seal(refreshToken, id)).set("version", version + 1)
                        .set("updatedAt", now),
                StoredLogin.class).getModifiedCount() == 1;
    }

    /** Keeps a step-up token (proof of a fresh one-time code) for the sensitive change that follows. */
    public void stepUp(String handle, String stepUpToken, Duration ttl) {
        String id = id(handle);
        Instant now = clock.instant();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("stepUp", seal.seal(stepUpToken, id)).set("stepUpExpiresAt", now.plus(ttl))
                        .set("updatedAt", now), StoredLogin.class);
    }

    /** Forgets the step-up token once it was used: the next sensitive change asks for a new code. */
    public void clearStepUp(String handle) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id(handle))),
                new Update().unset("stepUp").unset("stepUpExpiresAt"), StoredLogin.class);
    }

    public void delete(String handle) {
        mongo.remove(Query.query(Criteria.where("_id").is(id(handle))), StoredLogin.class);
    }

    /** Logins not touched for {@code idle} are of sessions auth-service has ended long since: removed. */
    public long purgeIdle(Duration idle) {
        return mongo.remove(Query.query(Criteria.where("updatedAt").lt(clock.instant().minus(idle))),
                StoredLogin.class).getDeletedCount();
    }

    static String id(String handle) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(handle.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
