package ru.frmr.auth.client;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.jwk.JWKSet;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;

/**
 * The registered machine clients of agencies, in Mongo (every replica reads the same set; a revoked client's next
 * token request fails on any of them). Registration checks the agency (known and active), the scopes and the keys;
 * the client id is random ({@code cl-} + 16 base32 characters) and says nothing about the agency.
 */
public class MachineClients {

    static final String COLLECTION = "machine_clients";
    private static final Logger log = LoggerFactory.getLogger(MachineClients.class);
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int MAX_NAME = 200;

    private final MongoTemplate mongo;
    private final ClientAgencies agencies;
    private final Clock clock;
    private final EventGateway events;
    private final SecureRandom random = new SecureRandom();

    public MachineClients(MongoTemplate mongo, ClientAgencies agencies, Clock clock, EventGateway events) {
        this.mongo = mongo;
        this.agencies = agencies;
        this.clock = clock;
        this.events = events;
        collection().createIndex(Indexes.ascending("agencyId"));
    }

    /** Registers a client of an active agency; refuses bad input naming the field. */
    public MachineClient register(String agencyId, String name, Map<String, Object> jwks, List<String> scopes) {
        ClientAgencies.AgencyView agency = requireAgency(agencyId);
        if (!agency.active()) {
            throw new InvalidParameterException("agencyId", "the agency is revoked: it gets no new clients");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw new InvalidParameterException("name", "must be 1.." + MAX_NAME + " characters");
        }
        List<String> checkedScopes = checkScopes(scopes);
        JWKSet keys = ClientKeys.parse(jwks);
        MachineClient client = new MachineClient(newId(), agencyId, cleanName, checkedScopes,
                keys.toPublicJWKSet(), clock.instant(), null);
        collection().insertOne(new Document("_id", client.clientId())
                .append("agencyId", agencyId)
                .append("name", cleanName)
                .append("scopes", checkedScopes)
                .append("jwks", client.keys().toString(true))
                .append("registeredAt", Date.from(client.registeredAt())));
        // Into the event store after the client is stored: the relay publishes MachineClientRegistered from there.
        events.publish(new MachineClientRegisteredEvent(client.clientId(), agencyId, checkedScopes));
        log.info("Machine client {} registered for agency {} with scopes {}", client.clientId(), agencyId,
                checkedScopes);
        return client;
    }

    public Optional<MachineClient> find(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection().find(Filters.eq("_id", clientId)).first()).map(MachineClients::of);
    }

    public List<MachineClient> ofAgency(String agencyId) {
        requireAgency(agencyId);
        List<MachineClient> clients = new ArrayList<>();
        collection().find(Filters.eq("agencyId", agencyId)).sort(Sorts.ascending("registeredAt"))
                .forEach(d -> clients.add(of(d)));
        return clients;
    }

    /** Revokes the client; revoking a revoked one again changes nothing and answers it as it is. */
    public MachineClient revoke(String agencyId, String clientId) {
        MachineClient client = find(clientId).filter(c -> c.agencyId().equals(agencyId))
                .orElseThrow(() -> new NotFoundException("No such client of this agency."));
        if (!client.active()) {
            return client;
        }
        Instant now = clock.instant();
        // Only the call that revoked it tells: a concurrent second revocation finds it revoked already.
        if (collection().updateOne(Filters.and(Filters.eq("_id", clientId), Filters.eq("revokedAt", null)),
                Updates.set("revokedAt", Date.from(now))).getModifiedCount() == 1) {
            events.publish(new MachineClientRevokedEvent(clientId, agencyId));
        }
        log.info("Machine client {} of agency {} revoked", clientId, agencyId);
        return find(clientId).orElseThrow();
    }

    private ClientAgencies.AgencyView requireAgency(String agencyId) {
        if (agencyId == null || !agencyId.matches("ag-[a-z2-7]{12}")) {
            throw new InvalidParameterException("agencyId", "must be an agency id (ag- and 12 base32 characters)");
        }
        return agencies.find(agencyId).orElseThrow(() -> new NotFoundException("No such agency."));
    }

    private static List<String> checkScopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidParameterException("scopes", "must name at least one of " + ClientScopes.ALL);
        }
        List<String> checked = new ArrayList<>();
        for (String scope : scopes) {
            if (scope == null || !ClientScopes.ALL.contains(scope)) {
                throw new InvalidParameterException("scopes", "each must be one of " + ClientScopes.ALL);
            }
            if (!checked.contains(scope)) {
                checked.add(scope);
            }
        }
        return List.copyOf(checked);
    }

    private String newId() {
        StringBuilder id = new StringBuilder("cl-");
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }

    private static MachineClient of(Document d) {
        try {
            Date revoked = d.getDate("revokedAt");
            return new MachineClient(d.getString("_id"), d.getString("agencyId"), d.getString("name"),
                    d.getList("scopes", String.class), JWKSet.parse(d.getString("jwks")),
                    d.getDate("registeredAt").toInstant(), revoked == null ? null : revoked.toInstant());
        } catch (ParseException e) {
            throw new IllegalStateException("The keys of machine client " + d.getString("_id") + " are unreadable", e);
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
