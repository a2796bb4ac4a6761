package ru.frmr.auth.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.JWSAlgorithm;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.config.AuthProperties;

/**
 * The platform's signing keys, kept in Mongo so every replica signs and verifies with the same set and
 * a restart loses nothing. Rotation without downtime: a new key is stored (and so published in the JWKS)
 * {@code publishLead} before it signs; a key stays published until the last token it could have signed
 * has expired ({@code access-token-ttl} after the next key took over), then it is deleted. Replicas
 * racing to add the same rotation's key collide on its id (derived from the activation time) and the
 * loser adopts the winner's.
 */
public class SigningKeyStore {

    static final String COLLECTION = "signing_keys";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    /** How stale this replica's copy of the key set may get: another replica's new key shows up by then. */
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);
    /** An unknown kid re-reads the store at most this often, so made-up kids cannot hammer Mongo. */
    private static final Duration MISS_RELOAD = Duration.ofSeconds(5);
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final KeyWrapper wrapper;
    private final Clock clock;
    private final Duration rotationInterval;
    private final Duration publishLead;
    private final Duration tokenTtl;
    private volatile List<SigningKey> cached = List.of();
    private volatile Instant cachedAt = Instant.MIN;

    public SigningKeyStore(MongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.wrapper = new KeyWrapper(properties.signingKeys().encryptionKey());
        this.clock = clock;
        this.rotationInterval = properties.signingKeys().rotationInterval();
        this.publishLead = properties.signingKeys().publishLead();
        this.tokenTtl = properties.accessTokenTtl();
    }

    /** The key that signs now: the newest one already active. */
    SigningKey current() {
        Instant now = clock.instant();
        return keys(CACHE_FOR).stream()
                .filter(k -> !k.activatesAt().isAfter(now))
                .max(Comparator.comparing(SigningKey::activatesAt))
                .orElseGet(() -> {
                    ensureKeys();
                    return keys(Duration.ZERO).stream().filter(k -> !k.activatesAt().isAfter(clock.instant()))
                            .max(Comparator.comparing(SigningKey::activatesAt))
                            .orElseThrow(() -> new IllegalStateException("No active signing key"));
                });
    }

    /** A published key by id; an unknown id re-reads the store once, as another replica may just have added it. */
    Optional<ECKey> verificationKey(String kid) {
        Optional<ECKey> found = find(keys(CACHE_FOR), kid);
        return found.isPresent() ? found : find(keys(MISS_RELOAD), kid);
    }

    /** The published keys, re-read first when {@code kid} is not among them (another replica may just have added it). */
    public JWKSet publicKeys(String kid) {
        if (kid != null && find(keys(CACHE_FOR), kid).isEmpty()) {
            keys(MISS_RELOAD);
        }
        return publicKeys();
    }

    /** What {@code /.well-known/jwks.json} serves: every published key, public parts only. */
    public JWKSet publicKeys() {
        return new JWKSet(keys(CACHE_FOR).stream().map(k -> (JWK) k.key().toPublicJWK()).toList());
    }

    /**
     * Brings the set up to date: the first key on an empty store, the next rotation's key once it is due
     * for publication, and deletion of keys whose tokens have all expired. Safe on every replica at once.
     */
    public void ensureKeys() {
        Instant now = clock.instant();
        List<SigningKey> all = load();
        if (all.isEmpty()) {
            insert(now.truncatedTo(ChronoUnit.SECONDS), now);
        } else {
            SigningKey newest = all.get(all.size() - 1);
            Instant next = newest.activatesAt().plus(rotationInterval);
            if (!now.isBefore(next.minus(publishLead))) {
                insert(max(next, now.plus(publishLead)), now);
            }
            prune(all, now);
        }
        keys(Duration.ZERO);
    }

    /** Starts a rotation now: the new key is published at once and signs after {@code publishLead}. */
    public SigningKey rotate() {
        Instant now = clock.instant();
        return insert(now.plus(publishLead), now);
    }

    private void prune(List<SigningKey> all, Instant now) {
        // all is ordered by activation; key i is retired when key i+1 activates.
        for (int i = 0; i + 1 < all.size(); i++) {
            Instant retired = all.get(i + 1).activatesAt();
            if (now.isAfter(retired.plus(tokenTtl).plus(SKEW))) {
                collection().deleteOne(Filters.eq("_id", all.get(i).kid()));
                log.info("Signing key {} retired and removed from the JWKS", all.get(i).kid());
            }
        }
    }

    private SigningKey insert(Instant activatesAt, Instant now) {
        String kid = "k" + activatesAt.getEpochSecond();
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
            collection().insertOne(new Document("_id", kid)
                    .append("privateJwk", wrapper.wrap(kid, key.toJSONString()))
                    .append("createdAt", Date.from(now))
                    .append("activatesAt", Date.from(activatesAt)));
            log.info("Signing key {} published; it signs from {}", kid, activatesAt);
            keys(Duration.ZERO);
            return new SigningKey(kid, key, now, activatesAt);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(keys(Duration.ZERO), kid).map(k -> new SigningKey(kid, k, now, activatesAt)).orElseThrow();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an ES256 key", e);
        }
    }

    private List<SigningKey> keys(Duration maxAge) {
        Instant now = clock.instant();
        if (maxAge.isZero() || cachedAt.plus(maxAge).isBefore(now) || cachedAt.isAfter(now)) {
            cached = load();
            cachedAt = now;
        }
        return cached;
    }

    private List<SigningKey> load() {
        List<SigningKey> keys = new ArrayList<>();
        for (Document d : collection().find()) {
            String kid = d.getString("_id");
            try {
                keys.add(new SigningKey(kid, ECKey.parse(wrapper.unwrap(kid, d.getString("privateJwk"))),
                        d.getDate("createdAt").toInstant(), d.getDate("activatesAt").toInstant()));
            } catch (ParseException e) {
                throw new IllegalStateException("Signing key " + kid + " is unreadable", e);
            }
        }
        keys.sort(Comparator.comparing(SigningKey::activatesAt));
        return List.copyOf(keys);
    }

    private static Optional<ECKey> find(List<SigningKey> keys, String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).map(SigningKey::key).findFirst();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
