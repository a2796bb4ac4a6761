package ru.frmr.notification.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.ProblemTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.relay.CloudEventRecords;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.support.SupportTestBeans.RecordingAddressBook;
import ru.frmr.notification.support.SupportTestBeans.RecordingNotices;
import ru.frmr.notification.support.sweep.AnswerTargetSweeper;

/**
 * Support requests inside the service, with the real Kafka broker and the Mongo wire server: a worker files and gets
 * a ticket number, {@code SupportRequestFiled} goes out (checked against its schema), SUPPORT sees it in the queue
 * with the time left and answers, the requester is told by the channel they chose, reopens and closes; filing
 * without logging in and its rate limit; the answer target's breach counted once; closing 14 days after the answer;
 * who may see what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "frmr.notification.support.sweep-interval=200ms",
        "frmr.notification.support.public-limits.per-address=5",
        "frmr.notification.support.public-limits.per-email=3"})
@ActiveProfiles("test")
@Import(SupportTestBeans.class)
class SupportRequestsIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String TEXT = "Не могу войти в личный кабинет: после входа через Госуслуги пустая страница";

    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<CloudEvent> published = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("notification_support_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
        // Another cached context of this service (on another database) lives beside this one: consumer groups of
        // their own, or each would take the other's events. The application's name (metrics carry it) stays.
        registry.add("frmr.kafka.consumer-group-prefix", () -> "notification-service-support-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingNotices notices;

    @Autowired
    RecordingAddressBook addressBook;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void listen() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "support-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.NOTIFICATION_EVENTS));
    }

    @AfterAll
    static void stopListening() {
        consumer.close();
    }

    @BeforeEach
    void resetClock() {
        SupportTestBeans.CLOCK.set(SupportTestBeans.START);
    }

    @Test
    void aWorkersRequestIsFiledQueuedAnsweredReopenedAndClosed() {
        String accountId = UUID.randomUUID().toString();
        String worker = worker(accountId);

        var sms = post("/api/support/requests", worker, Map.of("topic", "LOGIN", "text", TEXT, "answerChannel", "SMS"));
        assertThat(sms.statusCode()).isEqualTo(400);
        assertThat(json(sms).at("/errors/0/field").asText()).isEqualTo("answerChannel");
        var filed = post("/api/support/requests", worker, Map.of("topic", "LOGIN", "text", TEXT,
                "answerChannel", "EMAIL", "documentIds", List.of()));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode body = json(filed);
        String id = body.path("id").asText();
        String ticket = body.path("ticketNumber").asText();
        assertThat(ticket).matches("^ФРМР-2026-[0-9]{6}$");
        assertThat(body.path("status").asText()).isEqualTo("NEW");
        assertThat(Instant.parse(body.path("answerDueAt").asText())).isEqualTo(
                SupportTestBeans.START.plus(Duration.ofHours(24)));

        CloudEvent filedEvent = awaitPublished(id, EventTypes.SUPPORT_REQUEST_FILED);
        byte[] data = filedEvent.getData().toBytes();
        assertThat(ContractSchemas.violations(filedEvent.getType(), data)).isEmpty();
        JsonNode payload = readTree(data);
        assertThat(payload.path("ticketNumber").asText()).isEqualTo(ticket);
        assertThat(payload.path("requesterAccountId").asText()).isEqualTo(accountId);
        assertThat(new String(data, StandardCharsets.UTF_8)).doesNotContain("Госуслуги");

        Notice received = awaitNotice(NoticeKind.SUPPORT_REQUEST_RECEIVED, new Recipient.Account(accountId));
        assertThat(received.channels()).isEqualTo(Set.of(NotificationChannel.EMAIL, NotificationChannel.INBOX));
        assertThat(received.fields()).isEqualTo(Map.of("ticketNumber", ticket));

        // The queue: oldest first, with the time left to the answer target (the clock moved 2 hours on).
        SupportTestBeans.CLOCK.advance(Duration.ofHours(2));
        // Tokens are checked against the service's clock: fresh ones after it moved.
        worker = worker(accountId);
        String officerAccount = UUID.randomUUID().toString();
        JsonNode item = awaitQueueItem(support(officerAccount), "", id);
        assertThat(item.path("ticketNumber").asText()).isEqualTo(ticket);
        assertThat(item.path("status").asText()).isEqualTo("NEW");
        assertThat(item.path("secondsLeft").asLong()).isEqualTo(Duration.ofHours(22).toSeconds());
        assertThat(item.path("overdue").asBoolean()).isFalse();
        List<String> filedAt = json(get("/api/support/admin/queue", support(officerAccount))).path("items")
                .findValuesAsText("filedAt");
        assertThat(filedAt).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        // The text is stored sealed under the requester's key, never readable in Mongo.
        Document message = mongo.getCollection("support_request_messages").find(new Document("requestId", id))
                .first();
        assertThat(message.getString("sealedText")).startsWith("pd1:").doesNotContain("Госуслуги");

        // Only the requester reads it; only SUPPORT reaches the queue.
        assertThat(get("/api/support/me/requests/" + id, worker(UUID.randomUUID().toString())).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/support/me/requests/" + id + "/close", worker(UUID.randomUUID().toString()), Map.of())
                .statusCode()).isEqualTo(404);
        var forbidden = get("/api/support/admin/queue", worker);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).path("type").asText()).isEqualTo(ProblemTypes.FORBIDDEN.toString());
        assertThat(get("/api/support/admin/requests/" + id, worker).statusCode()).isEqualTo(403);

        // Attachments: the requester's own are listed, another person's naming the request are not.
        String documentId = UUID.randomUUID().toString();
        attached(documentId, accountId, id);
        attached(UUID.randomUUID().toString(), UUID.randomUUID().toString(), id);

        String officer = support(officerAccount);
        assertThat(post("/api/support/admin/requests/" + id + "/take", officer, Map.of()).statusCode())
                .isEqualTo(200);
        var answered = post("/api/support/admin/requests/" + id + "/answer", officer,
                Map.of("text", "Очистите cookies браузера и войдите снова."));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(json(answered).path("status").asText()).isEqualTo("ANSWERED");

        CloudEvent answeredEvent = awaitPublished(id, EventTypes.SUPPORT_REQUEST_ANSWERED);
        assertThat(ContractSchemas.violations(answeredEvent.getType(), answeredEvent.getData().toBytes())).isEmpty();
        JsonNode answeredPayload = readTree(answeredEvent.getData().toBytes());
        assertThat(answeredPayload.path("answeredBy").asText()).isEqualTo(officerAccount);
        assertThat(answeredPayload.path("late").asBoolean()).isFalse();
        Notice answer = awaitNotice(NoticeKind.SUPPORT_ANSWERED, new Recipient.Account(accountId));
        assertThat(answer.channels()).isEqualTo(Set.of(NotificationChannel.EMAIL, NotificationChannel.INBOX));
        assertThat(answer.fields()).containsEntry("ticketNumber", ticket)
                .containsEntry("answer", "Очистите cookies браузера и войдите снова.");

        JsonNode detail = awaitDetail(worker, id, d -> "ANSWERED".equals(d.path("status").asText())
                && d.path("attachments").size() == 1);
        assertThat(detail.path("text").asText()).isEqualTo(TEXT);
        assertThat(detail.path("messages").findValuesAsText("author")).containsExactly("REQUESTER", "SUPPORT");
        assertThat(detail.at("/messages/1/text").asText()).isEqualTo("Очистите cookies браузера и войдите снова.");
        assertThat(detail.at("/attachments/0/documentId").asText()).isEqualTo(documentId);
        assertThat(detail.path("canReopen").asBoolean()).isTrue();
        assertThat(detail.path("canClose").asBoolean()).isTrue();
        assertThat(json(get("/api/support/me/requests", worker)).path("items").findValuesAsText("ticketNumber"))
                .containsExactly(ticket);

        var reopened = post("/api/support/me/requests/" + id + "/reopen", worker,
                Map.of("text", "Не помогло: страница по-прежнему пустая"));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(json(reopened).path("status").asText()).isEqualTo("IN_WORK");
        awaitQueueItem(officer, "?status=IN_WORK", id);
        assertThat(post("/api/support/me/requests/" + id + "/close", worker, Map.of()).statusCode()).isEqualTo(200);
        JsonNode closed = awaitDetail(worker, id, d -> "CLOSED".equals(d.path("status").asText()));
        assertThat(closed.path("messages").findValuesAsText("author"))
                .containsExactly("REQUESTER", "SUPPORT", "REQUESTER");
        assertThat(closed.path("canClose").asBoolean()).isFalse();
        var answerClosed = post("/api/support/admin/requests/" + id + "/answer", officer, Map.of("text", "Ещё раз"));
        assertThat(answerClosed.statusCode()).isEqualTo(409);
    }

    @Test
    void filingWithoutLoggingInIsCheckedRateLimitedAndAnsweredByEmail() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        String email = "petrova-" + UUID.randomUUID() + "@example.ru";

        expectInvalid(Map.of("topic", "WEATHER", "text", TEXT, "email", email), "topic");
        expectInvalid(Map.of("topic", "OTHER", "text", "коротко", "email", email), "text");
        expectInvalid(Map.of("topic", "OTHER", "text", "я".repeat(4001), "email", email), "text");
        expectInvalid(Map.of("topic", "OTHER", "text", TEXT, "email", "petrova@"), "email");
        expectInvalid(Map.of("topic", "OTHER", "text", TEXT, "email", email, "answerChannel", "INBOX"),
                "answerChannel");

        // Three a day per e-mail address, from whichever client address.
        for (int i = 0; i < 3; i++) {
            var filed = postPublic(Map.of("topic", "OTHER", "text", TEXT, "email", email), "198.51.100." + i);
            assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
            assertThat(json(filed).path("ticketNumber").asText()).matches("^ФРМР-2026-[0-9]{6}$");
            assertThat(json(filed).path("status").asText()).isEqualTo("NEW");
            assertThat(json(filed).has("id")).isFalse();
        }
        var perEmail = postPublic(Map.of("topic", "OTHER", "text", TEXT, "email", email), "198.51.100.9");
        assertThat(perEmail.statusCode()).isEqualTo(429);
        assertThat(json(perEmail).path("type").asText()).isEqualTo(ProblemTypes.TOO_MANY_REQUESTS.toString());
        assertThat(json(perEmail).at("/errors/0/field").asText()).isEqualTo("email");
        long retryAfter = Long.parseLong(perEmail.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Duration.ofDays(1).toSeconds());

        // Five an hour per client address (the first hop of X-Forwarded-For), whatever the e-mail.
        for (int i = 0; i < 5; i++) {
            assertThat(postPublic(Map.of("topic", "LOGIN", "text", TEXT, "email",
                    "p" + i + "-" + UUID.randomUUID() + "@example.ru"), address + ", 10.0.0.1").statusCode())
                    .isEqualTo(201);
        }
        var perAddress = postPublic(Map.of("topic", "LOGIN", "text", TEXT, "email",
                "other-" + UUID.randomUUID() + "@example.ru"), address);
        assertThat(perAddress.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(perAddress.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, Duration.ofHours(1).toSeconds());
        // The next hour's window is open again.
        SupportTestBeans.CLOCK.advance(Duration.ofHours(1));
        assertThat(postPublic(Map.of("topic", "LOGIN", "text", TEXT, "email",
                "later-" + UUID.randomUUID() + "@example.ru"), address).statusCode()).isEqualTo(201);

        // The e-mail is in the address book, not in the request; the notices go to the request, by e-mail only.
        String requestId = addressBook.requesters().entrySet().stream().filter(e -> e.getValue().equals(email))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Notice received = awaitNotice(NoticeKind.SUPPORT_REQUEST_RECEIVED, new Recipient.Requester(requestId));
        assertThat(received.channels()).isEqualTo(Set.of(NotificationChannel.EMAIL));
        CloudEvent filed = awaitPublished(requestId, EventTypes.SUPPORT_REQUEST_FILED);
        assertThat(ContractSchemas.violations(filed.getType(), filed.getData().toBytes())).isEmpty();
        assertThat(new String(filed.getData().toBytes(), StandardCharsets.UTF_8)).doesNotContain("petrova");

        String officer = support(UUID.randomUUID().toString());
        JsonNode detail = awaitAdminDetail(officer, requestId);
        assertThat(detail.path("anonymous").asBoolean()).isTrue();
        assertThat(detail.path("text").asText()).isEqualTo(TEXT);
        assertThat(post("/api/support/admin/requests/" + requestId + "/answer", officer,
                Map.of("text", "Ответ на ваш вопрос")).statusCode()).isEqualTo(200);
        Notice answer = awaitNotice(NoticeKind.SUPPORT_ANSWERED, new Recipient.Requester(requestId));
        assertThat(answer.channels()).isEqualTo(Set.of(NotificationChannel.EMAIL));
    }

    @Test
    void aMissedAnswerTargetIsCountedOnceAndAnAnsweredRequestClosesAfter14Days() {
        String accountId = UUID.randomUUID().toString();
        String worker = worker(accountId);
        var filed = post("/api/support/requests", worker, Map.of("topic", "CERTIFICATES", "text", TEXT,
                "answerChannel", "INBOX"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = json(filed).path("id").asText();
        String officer = support(UUID.randomUUID().toString());
        awaitQueueItem(officer, "", id);
        double before = breaches();

        SupportTestBeans.CLOCK.advance(Duration.ofHours(25));
        officer = support(UUID.randomUUID().toString());
        await().atMost(WITHIN).until(() -> breaches() == before + 1);
        JsonNode item = awaitQueueItem(officer, "", id);
        assertThat(item.path("overdue").asBoolean()).isTrue();
        assertThat(item.path("secondsLeft").asLong()).isEqualTo(-Duration.ofHours(1).toSeconds());
        // More sweeps pass: the breach stays counted once.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> breaches() == before + 1);

        assertThat(post("/api/support/admin/requests/" + id + "/answer", officer,
                Map.of("text", "Справка будет готова завтра")).statusCode()).isEqualTo(200);
        CloudEvent answered = awaitPublished(id, EventTypes.SUPPORT_REQUEST_ANSWERED);
        assertThat(readTree(answered.getData().toBytes()).path("late").asBoolean()).isTrue();
        Notice answer = awaitNotice(NoticeKind.SUPPORT_ANSWERED, new Recipient.Account(accountId));
        assertThat(answer.channels()).isEqualTo(Set.of(NotificationChannel.INBOX));
        awaitDetail(worker(accountId), id, d -> "ANSWERED".equals(d.path("status").asText()));

        SupportTestBeans.CLOCK.advance(Duration.ofDays(14).plusMinutes(1));
        JsonNode closed = awaitDetail(worker(accountId), id, d -> "CLOSED".equals(d.path("status").asText()));
        assertThat(closed.path("canReopen").asBoolean()).isFalse();
        var late = post("/api/support/me/requests/" + id + "/reopen", worker(accountId),
                Map.of("text", "Справку так и не получила"));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(json(late).path("type").asText()).isEqualTo(ProblemTypes.BUSINESS_RULE.toString());
    }

    private double breaches() {
        var counter = meters.find(AnswerTargetSweeper.BREACHES).counter();
        return counter == null ? 0 : counter.count();
    }

    private void expectInvalid(Map<String, String> body, String field) {
        var response = postPublic(body, "192.0.2.1");
        assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).at("/errors/0/field").asText()).isEqualTo(field);
    }

    private static String worker(String accountId) {
        return ISSUER.mint(TestToken.worker("w-" + accountId).withSubject(accountId)
                .expiringAt(SupportTestBeans.CLOCK.instant().plus(Duration.ofMinutes(5))));
    }

    private static String support(String accountId) {
        return ISSUER.mint(TestToken.withRoles("SUPPORT").withSubject(accountId)
                .expiringAt(SupportTestBeans.CLOCK.instant().plus(Duration.ofMinutes(5))));
    }

    private static void attached(String documentId, String ownerAccountId, String requestId) {
        DocumentAttached event = new DocumentAttached(documentId, ownerAccountId, "w-" + ownerAccountId,
                DocumentPurpose.SUPPORT_REQUEST, requestId, null, "application/pdf", 1024,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", SupportTestBeans.START);
        CloudEvent ce = CloudEventRecords.cloudEvent(UUID.randomUUID().toString(), URI.create("/frmr/documents-service"),
                EventCatalog.of(DocumentAttached.class), event, SupportTestBeans.START,
                Map.of(CloudEventRecords.ACTOR, ownerAccountId));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(Topics.DOCUMENTS_EVENTS, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Notice awaitNotice(NoticeKind kind, Recipient recipient) {
        return await().atMost(WITHIN).until(() -> notices.told().stream()
                .filter(n -> n.kind() == kind && n.recipient().equals(recipient)).findFirst().orElse(null),
                Objects::nonNull);
    }

    private static CloudEvent awaitPublished(String subject, String type) {
        return await().atMost(WITHIN).until(() -> {
            synchronized (consumer) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> published.add(KafkaMessageFactory.createReader(r).toEvent()));
            }
            return published.stream().filter(e -> subject.equals(e.getSubject()) && type.equals(e.getType()))
                    .findFirst().orElse(null);
        }, Objects::nonNull);
    }

    private JsonNode awaitQueueItem(String officer, String query, String id) {
        return await().atMost(WITHIN).until(() -> {
            for (JsonNode item : json(get("/api/support/admin/queue" + query, officer)).path("items")) {
                if (id.equals(item.path("id").asText())) {
                    return item;
                }
            }
            return null;
        }, Objects::nonNull);
    }

    private JsonNode awaitDetail(String token, String id, Predicate<JsonNode> until) {
        return await().atMost(WITHIN).until(() -> {
            var response = get("/api/support/me/requests/" + id, token);
            return response.statusCode() == 200 && until.test(json(response)) ? json(response) : null;
        }, Objects::nonNull);
    }

    private JsonNode awaitAdminDetail(String token, String id) {
        return await().atMost(WITHIN).until(() -> {
            var response = get("/api/support/admin/requests/" + id, token);
            return response.statusCode() == 200 ? json(response) : null;
        }, Objects::nonNull);
    }

    private HttpResponse<String> post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private HttpResponse<String> postPublic(Object body, String forwardedFor) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/support/public/requests"))
                .header("X-Forwarded-For", forwardedFor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    private HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private static JsonNode readTree(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
