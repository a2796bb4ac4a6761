package ru.frmr.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseKind;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * Webhooks end to end with the real Kafka broker and the Mongo wire server: public events published on
 * frmr.public.events reach a test receiver (a JDK HTTP server on 127.0.0.1, allowed by the test profile) that
 * checks every delivery the way the Standard Webhooks specification tells a consumer to: the v1 HMAC under the
 * subscription's secret compared in constant time, the v1a Ed25519 signature under the public key fetched from the
 * signing-key endpoint, and the timestamp within 5 minutes. Retries every 200 ms (no jitter), sweeps every 200 ms,
 * the per-host breaker out of the way (all receivers here are one host).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "frmr.notification.webhooks.sweep-interval=200ms",
        "frmr.notification.webhooks.retry-pauses=200ms",
        "frmr.notification.webhooks.jitter=0",
        "frmr.notification.webhooks.breaker.minimum-calls=1000",
        "frmr.notification.webhooks.breaker.sliding-window=1000",
        // The events here carry fixed times early in 2026; replays read them one at a time (paging exercised).
        "frmr.notification.webhooks.replay-window=36500d",
        "frmr.notification.webhooks.replay-page=1"})
class WebhooksIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final long TOLERANCE_SECONDS = 5 * 60;
    private static final byte[] X509_ED25519 = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
            0x00};

    private static final Receiver RECEIVER = new Receiver();
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("notification_webhooks_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
        // Consumer groups are named after the application: another cached context of this service (on another
        // database) would otherwise share them and take this one's events.
        registry.add("spring.application.name", () -> "notification-service-webhooks-it");
    }

    @BeforeAll
    static void start() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        RECEIVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RevokedAgencies revokedAgencies;

    @Test
    void aPublicEventArrivesSignedAndIsRetriedWithTheSameIdUntilTheReceiverTakesIt() throws Exception {
        String agency = agencyId();
        String worker = UUID.randomUUID().toString();
        RECEIVER.script("/retry", 500, 500);
        Subscribed sub = subscribe(agency, "/retry", List.of(EventTypes.LICENSE_EXPIRED));

        // Same key (worker) = same partition: the profile update is handled before the licence expiry.
        String skipped = publish(profileUpdated(worker), Instant.now());
        String expired = publish(licenseExpired(worker), Instant.now());

        await().atMost(WITHIN).until(() -> RECEIVER.at("/retry").stream().anyMatch(r -> r.status() == 200));
        List<Received> received = RECEIVER.at("/retry");
        assertThat(received).extracting(Received::status).containsExactly(500, 500, 200);
        assertThat(received).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo("verified");
            assertThat(r.webhookId()).isEqualTo("msg_" + expired);
        });
        JsonNode body = JSON.readTree(received.get(2).body());
        assertThat(body.get("specversion").asText()).isEqualTo("1.0");
        assertThat(body.get("id").asText()).isEqualTo(expired);
        assertThat(body.get("type").asText()).isEqualTo(EventTypes.LICENSE_EXPIRED);
        assertThat(body.get("data").get("workerId").asText()).isEqualTo(worker);
        assertThat(received).noneMatch(r -> r.webhookId().equals("msg_" + skipped));

        JsonNode log = deliveries(agency, sub.id());
        assertThat(log.get("total").asInt()).isEqualTo(1);
        JsonNode delivery = log.get("items").get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(delivery.get("webhookId").asText()).isEqualTo("msg_" + expired);
        assertThat(meters.counter("frmr.notification.webhook.deliveries", "outcome", "delivered").count())
                .isPositive();

        // The same Kafka record again creates nothing new: a later event of the key arrives, the copy does not.
        publish(expired, licenseExpired(worker), Instant.now());
        String later = publish(licenseExpired(worker), Instant.now());
        await().atMost(WITHIN).until(() -> RECEIVER.at("/retry").stream()
                .anyMatch(r -> r.webhookId().equals("msg_" + later)));
        assertThat(deliveries(agency, sub.id()).get("total").asInt()).isEqualTo(2);
        assertThat(RECEIVER.at("/retry")).filteredOn(r -> r.webhookId().equals("msg_" + expired)).hasSize(3);
    }

    @Test
    void aReceiverThatAnswersGoneDisablesItsSubscription() throws Exception {
        String agency = agencyId();
        String worker = UUID.randomUUID().toString();
        RECEIVER.script("/gone", 410);
        Subscribed sub = subscribe(agency, "/gone", List.of(EventTypes.LICENSE_EXPIRED));

        publish(licenseExpired(worker), Instant.now());

        await().atMost(WITHIN).until(() -> "DISABLED".equals(subscription(agency, sub.id()).get("status").asText()));
        JsonNode disabled = subscription(agency, sub.id());
        assertThat(disabled.get("disabledReason").asText()).contains("410");
        JsonNode delivery = deliveries(agency, sub.id()).get("items").get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(410);

        // Nothing more is queued for a disabled subscription; a live one on the same key shows the event passed.
        RECEIVER.script("/after-gone");
        subscribe(agency, "/after-gone", List.of(EventTypes.LICENSE_EXPIRED));
        String next = publish(licenseExpired(worker), Instant.now());
        await().atMost(WITHIN).until(() -> RECEIVER.at("/after-gone").stream()
                .anyMatch(r -> r.webhookId().equals("msg_" + next)));
        assertThat(RECEIVER.at("/gone")).hasSize(1);
        assertThat(deliveries(agency, sub.id()).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aReplaySendsTheStoredEventsSinceAPointInTimeAgainWithTheirOriginalIds() throws Exception {
        String agency = agencyId();
        String worker = UUID.randomUUID().toString();
        RECEIVER.script("/replay");
        Subscribed sub = subscribe(agency, "/replay", List.of(EventTypes.LICENSE_EXPIRED));
        Instant early = Instant.parse("2026-01-10T09:00:00Z");
        Instant late = Instant.parse("2026-01-10T15:00:00Z");
        String before = publish(licenseExpired(worker), early);
        String after = publish(licenseExpired(worker), late);
        await().atMost(WITHIN).until(() -> RECEIVER.at("/replay").size() >= 2);

        HttpResponse<String> replay = replay(agency, sub.id(), "2026-01-10T12:00:00Z", "replay-1");
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(replay.body()).get("enqueued").asInt()).isPositive();

        await().atMost(WITHIN).until(() -> RECEIVER.at("/replay").stream()
                .filter(r -> r.webhookId().equals("msg_" + after)).count() == 2);
        assertThat(RECEIVER.at("/replay")).filteredOn(r -> r.webhookId().equals("msg_" + after))
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo("verified"));
        assertThat(RECEIVER.at("/replay")).filteredOn(r -> r.webhookId().equals("msg_" + before)).hasSize(1);

        // The same replay request again queues nothing; a malformed instant is refused naming the field.
        assertThat(JSON.readTree(replay(agency, sub.id(), "2026-01-10T12:00:00Z", "replay-1").body())
                .get("enqueued").asInt()).isZero();
        HttpResponse<String> bad = replay(agency, sub.id(), "yesterday", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("since");
        // Further back than the replay window (here 36500 days) is refused naming the field too.
        HttpResponse<String> tooOld = replay(agency, sub.id(), "1900-01-01T00:00:00Z", null);
        assertThat(tooOld.statusCode()).as(tooOld.body()).isEqualTo(400);
        assertThat(tooOld.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(tooOld.body()).contains("since").contains("36500 days");
    }

    @Test
    void aRevokedAgencysSubscriptionsAreDisabled() throws Exception {
        String agency = agencyId();
        Subscribed first = subscribe(agency, "/revoked-1", List.of(EventTypes.LICENSE_EXPIRED));
        Subscribed second = subscribe(agency, "/revoked-2", List.of(EventTypes.PROFILE_UPDATED));
        String other = agencyId();
        Subscribed untouched = subscribe(other, "/not-revoked", List.of(EventTypes.LICENSE_EXPIRED));

        // auth-service's AgencyRevoked as it is published on frmr.auth.events.
        CloudEvent revoked = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create("/frmr/auth-service")).withType(EventTypes.AGENCY_REVOKED)
                .withSubject(agency).withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(Map.of("agencyId", agency, "occurredAt", "2026-03-01T10:00:00Z")))
                .build();
        producer.send(CloudEventRecords.record(Topics.AUTH_EVENTS, revoked)).get();

        await().atMost(WITHIN).until(() -> "DISABLED".equals(subscription(agency, first.id()).get("status").asText())
                && "DISABLED".equals(subscription(agency, second.id()).get("status").asText()));
        assertThat(subscription(agency, first.id()).get("disabledReason").asText()).contains("revoked");
        assertThat(subscription(other, untouched.id()).get("status").asText()).isEqualTo("ACTIVE");

        // Its access token outlives the revocation by minutes: neither a new subscription nor enabling an old one.
        HttpResponse<String> again = post(agencyToken(agency), Map.of("url", RECEIVER.url("/revoked-3"),
                "eventTypes", List.of(EventTypes.LICENSE_EXPIRED)));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(again.body()).contains("agencyId");
        HttpResponse<String> enable = call("POST", "/api/notifications/webhooks/" + first.id() + "/enable",
                agencyToken(agency), null);
        assertThat(enable.statusCode()).as(enable.body()).isEqualTo(409);
        assertThat(enable.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(subscription(agency, first.id()).get("status").asText()).isEqualTo("DISABLED");
        assertThat(call("POST", "/api/notifications/webhooks/" + untouched.id() + "/enable", agencyToken(other), null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedAgencysSubscriptionStillActiveIsNotSentTo() throws Exception {
        // Subscribed just before its revocation reached this service: the sweeper cancels rather than sends.
        String agency = agencyId();
        RECEIVER.script("/revoked-race");
        Subscribed sub = subscribe(agency, "/revoked-race", List.of(EventTypes.LICENSE_EXPIRED));
        revokedAgencies.revoke(agency, Instant.parse("2026-03-01T10:00:00Z"));

        publish(licenseExpired(UUID.randomUUID().toString()), Instant.now());

        await().atMost(WITHIN).until(() -> deliveries(agency, sub.id()).get("items").findValuesAsText("status")
                .contains("CANCELLED"));
        assertThat(deliveries(agency, sub.id()).get("items").get(0).get("lastError").asText()).contains("revoked");
        assertThat(RECEIVER.at("/revoked-race")).isEmpty();
    }

    @Test
    void aRedirectIsAFailedAttemptAndIsNotFollowed() throws Exception {
        String agency = agencyId();
        RECEIVER.redirect("/moved", "/moved-here");
        Subscribed sub = subscribe(agency, "/moved", List.of(EventTypes.LICENSE_EXPIRED));

        publish(licenseExpired(UUID.randomUUID().toString()), Instant.now());

        await().atMost(WITHIN).until(() -> RECEIVER.at("/moved").size() >= 2);
        JsonNode delivery = deliveries(agency, sub.id()).get("items").get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("PENDING");
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(302);
        assertThat(delivery.get("lastError").asText()).contains("redirect");
        assertThat(RECEIVER.at("/moved-here")).isEmpty();

        // Deleting the subscription stops the retries.
        assertThat(call("DELETE", "/api/notifications/webhooks/" + sub.id(), agencyToken(agency), null).statusCode())
                .isEqualTo(204);
        assertThat(call("GET", "/api/notifications/webhooks/" + sub.id(), agencyToken(agency), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void subscriptionsAreCheckedAndOnlyTheirAgencySeesThem() throws Exception {
        String agency = agencyId();
        String url = RECEIVER.url("/checks");

        HttpResponse<String> noTypes = post(agencyToken(agency), Map.of("url", url, "eventTypes", List.of()));
        assertThat(noTypes.statusCode()).isEqualTo(400);
        assertThat(noTypes.body()).contains("eventTypes");
        HttpResponse<String> internal = post(agencyToken(agency), Map.of("url", url,
                "eventTypes", List.of(EventTypes.LOGIN_FAILED)));
        assertThat(internal.statusCode()).isEqualTo(400);
        assertThat(internal.body()).contains("eventTypes");
        HttpResponse<String> badUrl = post(agencyToken(agency), Map.of("url", "ftp://127.0.0.1/x",
                "eventTypes", List.of(EventTypes.LICENSE_EXPIRED)));
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("url");

        String noScope = ISSUER.mint(TestToken.withRoles("AGENCY"), Map.of("agency_id", agency,
                "scope", "registry.read"));
        assertThat(post(noScope, Map.of("url", url, "eventTypes", List.of(EventTypes.LICENSE_EXPIRED)))
                .statusCode()).isEqualTo(403);
        String noAgency = ISSUER.mint(TestToken.withRoles("AGENCY"), Map.of("scope", "webhooks.manage"));
        assertThat(call("GET", "/api/notifications/webhooks", noAgency, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/notifications/webhooks", ISSUER.mint(TestToken.withRoles("WORKER")), null)
                .statusCode()).isEqualTo(403);

        Subscribed sub = subscribe(agency, "/checks", List.of(EventTypes.LICENSE_EXPIRED));
        assertThat(sub.secret()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(sub.secret().substring(6))).hasSize(32);
        HttpResponse<String> read = call("GET", "/api/notifications/webhooks/" + sub.id(), agencyToken(agency), null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(sub.secret().substring(6)).contains("ACTIVE");
        assertThat(call("GET", "/api/notifications/webhooks/" + sub.id(), agencyToken(agencyId()), null).statusCode())
                .isEqualTo(404);
        JsonNode own = JSON.readTree(call("GET", "/api/notifications/webhooks", agencyToken(agency), null).body());
        assertThat(own.get("items")).hasSize(1);

        String admin = ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN"));
        HttpResponse<String> byAdmin = post(admin, Map.of("agencyId", agency, "url", url,
                "eventTypes", List.of(EventTypes.PROFILE_UPDATED)));
        assertThat(byAdmin.statusCode()).isEqualTo(201);
        JsonNode listed = JSON.readTree(call("GET", "/api/notifications/webhooks?agencyId=" + agency, admin, null)
                .body());
        assertThat(listed.get("items")).hasSize(2);
        assertThat(post(admin, Map.of("url", url, "eventTypes", List.of(EventTypes.PROFILE_UPDATED))).body())
                .contains("agencyId");

        HttpResponse<String> disabled = call("POST", "/api/notifications/webhooks/" + sub.id() + "/disable",
                agencyToken(agency), null);
        assertThat(JSON.readTree(disabled.body()).get("status").asText()).isEqualTo("DISABLED");
        HttpResponse<String> enabled = call("POST", "/api/notifications/webhooks/" + sub.id() + "/enable",
                agencyToken(agency), null);
        assertThat(JSON.readTree(enabled.body()).get("status").asText()).isEqualTo("ACTIVE");
    }

    // --- the agency's side -----------------------------------------------------------------------------------

    record Subscribed(String id, String secret) {
    }

    private Subscribed subscribe(String agency, String path, List<String> types) throws Exception {
        HttpResponse<String> created = post(agencyToken(agency), Map.of("url", RECEIVER.url(path),
                "eventTypes", types, "description", "test receiver " + path));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        Subscribed sub = new Subscribed(body.get("subscriptionId").asText(), body.get("secret").asText());
        RECEIVER.trust(path, sub.secret(), signingKey());
        return sub;
    }

    /** The platform's public key, fetched without a token from the signing-key endpoint. */
    private PublicKey signingKey() throws Exception {
        HttpResponse<String> key = call("GET", "/api/notifications/webhooks/signing-key", null, null);
        assertThat(key.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(key.body());
        assertThat(body.get("algorithm").asText()).isEqualTo("Ed25519");
        byte[] raw = Base64.getDecoder().decode(body.get("publicKey").asText().substring("whpk_".length()));
        byte[] der = new byte[X509_ED25519.length + raw.length];
        System.arraycopy(X509_ED25519, 0, der, 0, X509_ED25519.length);
        System.arraycopy(raw, 0, der, X509_ED25519.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private JsonNode subscription(String agency, String id) throws Exception {
        return JSON.readTree(call("GET", "/api/notifications/webhooks/" + id, agencyToken(agency), null).body());
    }

    private JsonNode deliveries(String agency, String id) throws Exception {
        HttpResponse<String> page = call("GET", "/api/notifications/webhooks/" + id + "/deliveries?size=50",
                agencyToken(agency), null);
        assertThat(page.statusCode()).isEqualTo(200);
        return JSON.readTree(page.body());
    }

    private HttpResponse<String> replay(String agency, String id, String since, String key) throws Exception {
        HttpRequest.Builder request = request("/api/notifications/webhooks/" + id + "/replay", agencyToken(agency))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("since", since))));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, Map<String, Object> body) throws Exception {
        return call("POST", "/api/notifications/webhooks", token, JSON.writeValueAsString(body));
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = request(path, token).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static String agencyToken(String agency) {
        return ISSUER.mint(TestToken.withRoles("AGENCY"), Map.of("agency_id", agency,
                "scope", "registry.read webhooks.manage", "client_id", "cl-" + agency.substring(3) + "abcd"));
    }

    private static String agencyId() {
        String base32 = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder id = new StringBuilder("ag-");
        UUID random = UUID.randomUUID();
        long bits = random.getMostSignificantBits() ^ random.getLeastSignificantBits();
        for (int i = 0; i < 12; i++) {
            id.append(base32.charAt((int) (bits >>> (i * 5)) & 31));
        }
        return id.toString();
    }

    // --- the platform's side ---------------------------------------------------------------------------------

    private static LicenseExpired licenseExpired(String worker) {
        return new LicenseExpired(worker, UUID.randomUUID().toString(), LicenseKind.CERTIFICATE, "31.08.36",
                LocalDate.of(2026, 1, 9));
    }

    private static ProfileUpdated profileUpdated(String worker) {
        return new ProfileUpdated(worker, List.of(ProfileSection.CONTACTS), 2, Instant.parse("2026-01-09T10:00:00Z"));
    }

    private static String publish(IntegrationEvent event, Instant time) {
        return publish(UUID.randomUUID().toString(), event, time);
    }

    /** As the relay publishes a public event: the same CloudEvent on frmr.public.events. */
    private static synchronized String publish(String eventId, IntegrationEvent event, Instant time) {
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, URI.create("/frmr/registry-service"),
                EventCatalog.of(event.getClass()), event, time, Map.of());
        try {
            producer.send(CloudEventRecords.record(Topics.PUBLIC_EVENTS, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    // --- the test receiver -----------------------------------------------------------------------------------

    /**
     * @param verdict "verified", or what failed: the receiver answers 401 then, whatever was scripted
     */
    record Received(String path, String webhookId, String body, String verdict, int status) {
    }

    /** An agency's receiver on 127.0.0.1: verifies each delivery as the specification says, then answers. */
    static final class Receiver implements AutoCloseable {

        private record Trust(byte[] secret, PublicKey platformKey) {
        }

        private final HttpServer server;
        private final Map<String, Trust> trusted = new ConcurrentHashMap<>();
        private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
        private final Map<String, String> redirects = new ConcurrentHashMap<>();
        private final List<Received> received = new CopyOnWriteArrayList<>();

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** The path answers these statuses in turn, then 200. */
        void script(String path, Integer... statuses) {
            scripts.put(path, new ArrayDeque<>(List.of(statuses)));
        }

        void redirect(String path, String to) {
            redirects.put(path, to);
        }

        void trust(String path, String secret, PublicKey platformKey) {
            trusted.put(path, new Trust(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    platformKey));
        }

        List<Received> at(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String verdict = verify(path, id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            int status;
            if (redirects.containsKey(path)) {
                status = 302;
                exchange.getResponseHeaders().add("Location", url(redirects.get(path)));
            } else if (!verdict.equals("verified")) {
                status = 401;
            } else {
                Integer scripted = scripts.getOrDefault(path, new ArrayDeque<>()).poll();
                status = scripted == null ? 200 : scripted;
            }
            received.add(new Received(path, id == null ? "" : id, new String(body, StandardCharsets.UTF_8), verdict,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }

        private String verify(String path, String id, String timestamp, String signatures, byte[] body) {
            Trust trust = trusted.get(path);
            if (trust == null || id == null || timestamp == null || signatures == null) {
                return "missing header or unknown endpoint";
            }
            long sent;
            try {
                sent = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                return "bad timestamp";
            }
            if (Math.abs(Instant.now().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
                return "timestamp outside tolerance";
            }
            byte[] content = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            boolean v1 = false;
            boolean v1a = false;
            try {
                for (String signature : signatures.split(" ")) {
                    if (signature.startsWith("v1,")) {
                        Mac mac = Mac.getInstance("HmacSHA256");
                        mac.init(new SecretKeySpec(trust.secret(), "HmacSHA256"));
                        byte[] expected = mac.doFinal(content);
                        v1 |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
                    } else if (signature.startsWith("v1a,")) {
                        Signature ed25519 = Signature.getInstance("Ed25519");
                        ed25519.initVerify(trust.platformKey());
                        ed25519.update(content);
                        v1a |= ed25519.verify(Base64.getDecoder().decode(signature.substring(4)));
                    }
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return "unreadable signature";
            }
            return v1 && v1a ? "verified" : "v1=" + v1 + " v1a=" + v1a;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
