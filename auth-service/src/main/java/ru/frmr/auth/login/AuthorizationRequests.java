package ru.frmr.auth.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.frmr.auth.config.AuthProperties;
import ru.frmr.auth.identity.AuthorizationRequest;

/**
 * Started logins, by {@code state}, kept server-side (any replica may receive the callback) for ten
 * minutes and bound to the browser that started them by the hash of its login cookie. Taking one deletes
 * it: a {@code state} works once. A login the portal started carries the portal's PKCE challenge: its end is
 * handed to the portal by a one-time code ({@link LoginHandoffs}), never to the browser.
 */
@Component
class AuthorizationRequests {

    static final String COLLECTION = "authorization_requests";

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final Clock clock;

    AuthorizationRequests(MongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.ttl = properties.loginStateTtl();
        this.clock = clock;
        // The sweep deletes what expired by this field (not a TTL index: the embedded Mongo of local runs has none).
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("expiresAt"));
    }

    /** @param challenge the portal's S256 PKCE challenge, or null for a login the browser finishes itself */
    void save(String provider, AuthorizationRequest request, String browserHash, String challenge) {
        collection().insertOne(new Document("_id", request.state())
                .append("provider", provider)
                .append("browser", browserHash)
                .append("challenge", challenge)
                .append("redirect", request.redirect().toString())
                .append("secrets", new Document(new LinkedHashMap<>(request.secrets())))
                .append("expiresAt", Date.from(clock.instant().plus(ttl))));
    }

    /** The started login of {@code state}, removed so it cannot be used again; empty when unknown or expired. */
    Optional<Started> take(String state) {
        Document d = collection().findOneAndDelete(Filters.eq("_id", state));
        if (d == null || !d.getDate("expiresAt").toInstant().isAfter(clock.instant())) {
            return Optional.empty();
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        d.get("secrets", Document.class).forEach((k, v) -> secrets.put(k, String.valueOf(v)));
        return Optional.of(new Started(d.getString("provider"), d.getString("browser"),
                new AuthorizationRequest(URI.create(d.getString("redirect")), state, secrets),
                d.getString("challenge")));
    }

    /** Drops started logins past their time (the embedded Mongo of local runs has no TTL indexes). */
    long purgeExpired(Instant now) {
        return collection().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** @param challenge the portal's PKCE challenge; null when the browser finishes the login itself */
    record Started(String provider, String browserHash, AuthorizationRequest request, String challenge) {

        boolean forPortal() {
            return challenge != null;
        }
    }
}
