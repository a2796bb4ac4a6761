package ru.frmr.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.infra.embedded.EmbeddedSmsGateway;
import ru.frmr.infra.embedded.EmbeddedSmtp;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.relay.CloudEventRecords;
import ru.frmr.notification.delivery.api.StartDeliveryAttemptCommand;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.Inbox;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Templates;

/**
 * The outbox end to end with the real Kafka broker, the Mongo wire server, GreenMail as the SMTP server and the SMS
 * emulator: outages of SMTP and of the SMS gateway lose and double nothing, the same message queued again goes out
 * once, a message whose retries run out is reported on Kafka and sent after an operator's retry, an erased
 * recipient is sent nothing, a claim left by a replica that died runs out and the message goes out. Templates,
 * addresses and the inbox are in-memory stand-ins (the real ones are NoticesIT's); sweeps every 200 ms, retries after 200 ms doubling to a second, four attempts (an outage of a channel uses up none of them), breakers that open
 * after two failures of four and try again after a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "frmr.notification.delivery.sweep-interval=200ms",
        "frmr.notification.delivery.first-retry=200ms",
        "frmr.notification.delivery.max-retry=1s",
        "frmr.notification.delivery.max-attempts=4",
        "frmr.notification.delivery.breaker.minimum-calls=2",
        "frmr.notification.delivery.breaker.sliding-window=4",
        "frmr.notification.delivery.breaker.open-for=1s",
        "frmr.notification.delivery.breaker.half-open-calls=1"})
@Import(DeliveryFlowIT.StandIns.class)
class DeliveryFlowIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final int SMTP_PORT = Ports.pickFree(1)[0];
    private static final String SECURITY_MAILBOX = "soc@frmr.test";

    private static volatile EmbeddedSmtp smtp = EmbeddedSmtp.start("127.0.0.1", SMTP_PORT);
    private static final EmbeddedSmsGateway SMS = EmbeddedSmsGateway.start("127.0.0.1", 0);
    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<ConsumerRecord<String, byte[]>> RECEIVED = new ArrayList<>();

    @TestConfiguration
    static class StandIns {

        @Bean
        @Primary
        InMemoryAddressBook inMemoryAddressBook() {
            return new InMemoryAddressBook();
        }

        @Bean
        @Primary
        RecordingInbox recordingInbox() {
            return new RecordingInbox();
        }

        @Bean
        @Primary
        PlainTemplates plainTemplates() {
            return new PlainTemplates();
        }
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("notification_delivery_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
        // Another cached context of this service (on another database) lives beside this one: consumer groups of
        // their own, or each would take the other's events. The application's name (metrics carry it) stays.
        registry.add("frmr.kafka.consumer-group-prefix", () -> "notification-service-delivery-it");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("frmr.notification.sms.base-url", SMS::baseUrl);
        registry.add("frmr.notification.security-alerts.mailboxes.soc", () -> SECURITY_MAILBOX);
    }

    @BeforeAll
    static void subscribe() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "delivery-flow-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.NOTIFICATION_EVENTS));
    }

    @AfterAll
    static void stopEverything() {
        consumer.close();
        smtp.close();
        SMS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    @Autowired
    InMemoryAddressBook addresses;

    @Autowired
    RecordingInbox inbox;

    @Autowired
    PlainTemplates templates;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Clock clock;

    @Autowired
    CommandGateway commands;

    @Autowired
    AddressBook addressBookInUse;

    @Autowired
    Inbox inboxInUse;

    @Autowired
    Templates templatesInUse;

    @Test
    void theStandInsAreTheOnesInUse() {
        assertThat(addressBookInUse).isSameAs(addresses);
        assertThat(inboxInUse).isSameAs(inbox);
        assertThat(templatesInUse).isInstanceOf(PlainTemplates.class);
    }

    @Test
    void messagesQueuedWhileSmtpIsDownArriveOnceWhenItIsBack() {
        smtp.close();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String account = account();
            String email = account + "@mail.test";
            addresses.put(account, NotificationChannel.EMAIL, email);
            outbox.enqueue(entry(account, NotificationChannel.EMAIL, Map.of("daysLeft", "30")));
            recipients.add(email);
        }
        await().atMost(WITHIN).until(() -> breakerState("email", "open") == 1.0);

        smtp = EmbeddedSmtp.start("127.0.0.1", SMTP_PORT);

        await().atMost(WITHIN).until(() -> recipients.stream().allMatch(to -> !smtp.messagesTo(to).isEmpty()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> recipients.stream().allMatch(to -> smtp.messagesTo(to).size() == 1));
        EmbeddedSmtp.Mail mail = smtp.messagesTo(recipients.get(0)).get(0);
        assertThat(mail.subject()).isEqualTo("Уведомление LICENSE_EXPIRING");
        assertThat(mail.text()).contains("daysLeft=30");
        await().atMost(WITHIN).until(() -> breakerState("email", "closed") == 1.0);
    }

    @Test
    void anAuditAlertOnItsTopicIsMailedToTheSecurityStaffOnceHoweverOftenDelivered() throws Exception {
        addresses.put("security:soc", NotificationChannel.EMAIL, SECURITY_MAILBOX);
        Instant start = Instant.parse("2026-12-06T09:00:00Z");
        AuditAlertRaised alert = new AuditAlertRaised("al-" + UUID.randomUUID().toString().replace("-", ""),
                AlertRule.MASS_ERASURES, "platform", 10, 10, start, start.plusSeconds(3_600), start.plusSeconds(60));
        var event = CloudEventRecords.cloudEvent(alert.alertId(), EventSources.AUDIT,
                EventCatalog.of(AuditAlertRaised.class), alert, alert.occurredAt(), Map.of());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(Topics.AUDIT_ALERTS, event)).get();
            producer.send(CloudEventRecords.record(Topics.AUDIT_ALERTS, event)).get();
        }

        await().atMost(WITHIN).until(() -> smtp.messagesTo(SECURITY_MAILBOX).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp.messagesTo(SECURITY_MAILBOX).size() == 1);
        assertThat(smtp.messagesTo(SECURITY_MAILBOX).get(0).subject()).contains("SECURITY_ALERT");
    }

    @Test
    void theSameEntryQueuedAgainBeforeOrAfterItIsSentGoesOutOnce() {
        String account = account();
        String email = account + "@mail.test";
        addresses.put(account, NotificationChannel.EMAIL, email).put(account, NotificationChannel.INBOX, account);
        OutboxEntry mail = entry(account, NotificationChannel.EMAIL, Map.of("section", "Образование"));
        OutboxEntry notice = new OutboxEntry(OutboxEntry.idOf(mail.sourceEventId(), NotificationChannel.INBOX,
                account), mail.sourceEventId(), mail.kind(), NotificationChannel.INBOX, account, mail.fields(), null,
                mail.queuedAt());

        outbox.enqueue(mail);
        outbox.enqueue(mail);
        outbox.enqueue(notice);
        await().atMost(WITHIN).until(() -> smtp.messagesTo(email).size() == 1 && inbox.putsFor(account).size() == 1);
        // The source event delivered again, after the message went out: the same entries are queued once more.
        outbox.enqueue(mail);
        outbox.enqueue(notice);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp.messagesTo(email).size() == 1 && inbox.putsFor(account).size() == 1);

        assertThat(smtp.header(email, "Message-ID")).containsExactly("<" + mail.notificationId() + "@frmr.ru>");
        assertThat(smtp.header(email, "Content-Type")).singleElement().satisfies(type -> assertThat(type)
                .startsWith("text/plain").containsIgnoringCase("charset=UTF-8"));
        assertThat(inbox.putsFor(account).get(0).notificationId()).isEqualTo(notice.notificationId());
        CloudEvent sent = awaitOnKafka(mail.notificationId(), EventTypes.NOTIFICATION_SENT);
        JsonNode data = data(sent);
        assertThat(data.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(data.path("recipient").asText()).isEqualTo(account);
        assertThat(data.path("templateVersion").asInt()).isEqualTo(PlainTemplates.VERSION);
        assertThat(data.path("attempts").asInt()).isEqualTo(1);
        assertThat(new String(sent.getData().toBytes())).doesNotContain(email, "Образование");
        assertThat(onKafka(mail.notificationId(), EventTypes.NOTIFICATION_SENT)).hasSize(1);
    }

    @Test
    void aMessageClaimedByAReplicaThatDiedGoesOutOnceItsLeaseRunsOut() {
        String account = account();
        String email = account + "@mail.test";
        addresses.put(account, NotificationChannel.EMAIL, email);
        Instant now = clock.instant();
        String sourceEventId = "evt-" + UUID.randomUUID();
        OutboxEntry entry = new OutboxEntry(OutboxEntry.idOf(sourceEventId, NotificationChannel.EMAIL, account),
                sourceEventId, NoticeKind.ACCOUNT_LOCKED, NotificationChannel.EMAIL, account, Map.of("until", "10:00"),
                now.plusSeconds(1), now);
        outbox.enqueue(entry);
        // Another replica claims the attempt and dies before it sends or records anything.
        Integer claimed = commands.sendAndWait(new StartDeliveryAttemptCommand(entry.notificationId(),
                now.plusSeconds(1), now.plusSeconds(3)));
        assertThat(claimed).isEqualTo(1);

        await().atMost(WITHIN).until(() -> smtp.messagesTo(email).size() == 1);
        JsonNode sent = data(awaitOnKafka(entry.notificationId(), EventTypes.NOTIFICATION_SENT));
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> smtp.messagesTo(email).size() == 1);
    }

    @Test
    void aMessageWhoseRetriesRunOutIsReportedCountedAndSentAfterAnOperatorsRetry() throws Exception {
        String account = account();
        String email = account + "@mail.test";
        addresses.put(account, NotificationChannel.EMAIL, email);
        double exhaustedBefore = failedCount("EMAIL", "RETRIES_EXHAUSTED");
        OutboxEntry entry = entry(account, NotificationChannel.EMAIL, Map.of("reason", "Нет диплома"));
        templates.broken = true;
        CloudEvent failed;
        try {
            outbox.enqueue(entry);
            failed = awaitOnKafka(entry.notificationId(), EventTypes.NOTIFICATION_FAILED);
        } finally {
            templates.broken = false;
        }
        JsonNode data = data(failed);
        assertThat(data.path("reason").asText()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(data.path("attempts").asInt()).isEqualTo(4);
        assertThat(data.path("kind").asText()).isEqualTo("LICENSE_EXPIRING");
        assertThat(failedCount("EMAIL", "RETRIES_EXHAUSTED")).isEqualTo(exhaustedBefore + 1);
        assertThat(smtp.messagesTo(email)).isEmpty();

        String admin = ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN"));
        JsonNode item = awaitFailedItem(entry.notificationId(), admin);
        assertThat(item.path("reason").asText()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(item.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(item.path("recipient").asText()).isEqualTo(account);
        assertThat(item.path("attempts").asInt()).isEqualTo(4);

        HttpResponse<String> retried = post("/api/notifications/admin/failed/" + entry.notificationId() + "/retry",
                admin);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);

        CloudEvent sent = awaitOnKafka(entry.notificationId(), EventTypes.NOTIFICATION_SENT);
        assertThat(data(sent).path("attempts").asInt()).isEqualTo(1);
        assertThat(smtp.messagesTo(email)).hasSize(1);
        await().atMost(WITHIN).until(() -> !get("/api/notifications/admin/failed?size=100", admin).body()
                .contains(entry.notificationId()));
    }

    @Test
    void anAddressTheServerRefusesFailsAtOnceAndIsSentAfterItChangesAndAnOperatorRetries() throws Exception {
        String account = account();
        addresses.put(account, NotificationChannel.EMAIL, "not an address <");
        double noAddressBefore = failedCount("EMAIL", "NO_ADDRESS");
        OutboxEntry entry = entry(account, NotificationChannel.EMAIL, Map.of("reason", "Нет диплома"));
        outbox.enqueue(entry);

        JsonNode data = data(awaitOnKafka(entry.notificationId(), EventTypes.NOTIFICATION_FAILED));
        assertThat(data.path("reason").asText()).isEqualTo("NO_ADDRESS");
        assertThat(data.path("attempts").asInt()).isEqualTo(1);
        assertThat(failedCount("EMAIL", "NO_ADDRESS")).isEqualTo(noAddressBefore + 1);

        String admin = ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN"));
        assertThat(awaitFailedItem(entry.notificationId(), admin).path("reason").asText()).isEqualTo("NO_ADDRESS");
        String email = account + "@mail.test";
        addresses.put(account, NotificationChannel.EMAIL, email);
        HttpResponse<String> retried = post("/api/notifications/admin/failed/" + entry.notificationId() + "/retry",
                admin);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);

        awaitOnKafka(entry.notificationId(), EventTypes.NOTIFICATION_SENT);
        assertThat(smtp.messagesTo(email)).hasSize(1);
    }

    private JsonNode awaitFailedItem(String notificationId, String admin) throws Exception {
        await().atMost(WITHIN).until(() -> get("/api/notifications/admin/failed?size=100", admin).body()
                .contains(notificationId));
        for (JsonNode candidate : JSON.readTree(get("/api/notifications/admin/failed?size=100", admin).body())
                .path("items")) {
            if (candidate.path("notificationId").asText().equals(notificationId)) {
                return candidate;
            }
        }
        throw new AssertionError("Not among the failed notices: " + notificationId);
    }

    @Test
    void theOperatorApiAnswersBadRequestsWithProblems() {
        String admin = ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN"));
        HttpResponse<String> malformed = post("/api/notifications/admin/failed/not-an-id/retry", admin);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(malformed.body()).contains("notificationId");

        HttpResponse<String> unknown = post("/api/notifications/admin/failed/" + UUID.randomUUID() + "/retry", admin);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> badSize = get("/api/notifications/admin/failed?size=1000", admin);
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(badSize.body()).contains("size");

        String worker = ISSUER.mint(TestToken.worker("1234567890").withSubject(account()));
        assertThat(get("/api/notifications/admin/failed", worker).statusCode()).isEqualTo(403);
    }

    @Test
    void anSmsGoesThroughTheGatewayWithItsSegmentsCounted() {
        String account = account();
        String mobile = mobile();
        addresses.put(account, NotificationChannel.SMS, mobile);
        // 100 Cyrillic characters: UCS-2, two parts of at most 67.
        String text = "Срок аккредитации истекает через 30 дней. ".repeat(3).substring(0, 100);
        OutboxEntry entry = entry(account, NotificationChannel.SMS, Map.of("text", text));
        outbox.enqueue(entry);

        await().atMost(WITHIN).until(() -> SMS.messagesTo(mobile).size() == 1);
        EmbeddedSmsGateway.Sms sms = SMS.messagesTo(mobile).get(0);
        assertThat(sms.text()).isEqualTo(text);
        assertThat(sms.segments()).isEqualTo(2);
        assertThat(sms.clientMessageId()).isEqualTo(entry.notificationId());
        JsonNode sent = data(awaitOnKafka(entry.notificationId(), EventTypes.NOTIFICATION_SENT));
        assertThat(sent.path("segments").asInt()).isEqualTo(2);
        assertThat(sent.path("channel").asText()).isEqualTo("SMS");
        assertThat(meters.get("frmr.notification.sent").tags("channel", "SMS", "kind", "LICENSE_EXPIRING").counter()
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theSmsBreakerOpensWhileTheGatewayIsDownAndClosesWhenItIsBack() {
        SMS.stop();
        List<String> mobiles = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String account = account();
                String mobile = mobile();
                addresses.put(account, NotificationChannel.SMS, mobile);
                outbox.enqueue(entry(account, NotificationChannel.SMS, Map.of("text", "Код входа: " + i)));
                mobiles.add(mobile);
            }
            await().atMost(WITHIN).until(() -> breakerState("sms", "open") == 1.0);
            // The gauge's count is cached for a few seconds.
            await().atMost(WITHIN).until(() -> pending() >= 3);
        } finally {
            SMS.restart();
        }
        await().atMost(WITHIN).until(() -> mobiles.stream().allMatch(to -> SMS.messagesTo(to).size() == 1));
        await().atMost(WITHIN).until(() -> breakerState("sms", "closed") == 1.0);
    }

    @Test
    void anErasedRecipientIsSentNothing() {
        double erasedBefore = failedCount("EMAIL", "RECIPIENT_ERASED");
        // Erased before the notice is queued: nothing of theirs can be sealed any more.
        String gone = account();
        addresses.put(gone, NotificationChannel.EMAIL, gone + "@mail.test");
        cipher.encrypt(gone, "a value sealed before the erasure");
        cipher.shred(gone);
        addresses.erase(gone);
        OutboxEntry first = entry(gone, NotificationChannel.EMAIL, Map.of("daysLeft", "7"));
        outbox.enqueue(first);
        // Erased while the notice waits for the end of quiet hours: its sealed fields no longer open.
        String going = account();
        addresses.put(going, NotificationChannel.EMAIL, going + "@mail.test");
        OutboxEntry second = new OutboxEntry(OutboxEntry.idOf("evt-" + UUID.randomUUID(), NotificationChannel.EMAIL,
                going), "evt-" + UUID.randomUUID(), NoticeKind.LICENSE_EXPIRING, NotificationChannel.EMAIL, going,
                Map.of("daysLeft", "7"), clock.instant().plusSeconds(2), clock.instant());
        outbox.enqueue(second);
        cipher.shred(going);

        for (OutboxEntry entry : List.of(first, second)) {
            JsonNode failed = data(awaitOnKafka(entry.notificationId(), EventTypes.NOTIFICATION_FAILED));
            assertThat(failed.path("reason").asText()).isEqualTo("RECIPIENT_ERASED");
            assertThat(failed.path("attempts").asInt()).isZero();
        }
        assertThat(smtp.messagesTo(gone + "@mail.test")).isEmpty();
        assertThat(smtp.messagesTo(going + "@mail.test")).isEmpty();
        assertThat(failedCount("EMAIL", "RECIPIENT_ERASED")).isEqualTo(erasedBefore + 2);
        String admin = ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN"));
        assertThat(post("/api/notifications/admin/failed/" + first.notificationId() + "/retry", admin).statusCode())
                .isEqualTo(422);
    }

    private OutboxEntry entry(String account, NotificationChannel channel, Map<String, String> fields) {
        String sourceEventId = "evt-" + UUID.randomUUID();
        return new OutboxEntry(OutboxEntry.idOf(sourceEventId, channel, account), sourceEventId,
                NoticeKind.LICENSE_EXPIRING, channel, account, fields, null, clock.instant());
    }

    private static String account() {
        return "acc-" + UUID.randomUUID();
    }

    private static String mobile() {
        return "+7916" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    private double breakerState(String name, String state) {
        Gauge gauge = meters.find("resilience4j.circuitbreaker.state").tags("name", name, "state", state).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private double failedCount(String channel, String reason) {
        Counter counter = meters.find("frmr.notification.failed").tags("channel", channel, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double pending() {
        return meters.get("frmr.notification.pending").gauge().value();
    }

    private CloudEvent awaitOnKafka(String notificationId, String type) {
        await().atMost(WITHIN).until(() -> !onKafka(notificationId, type).isEmpty());
        CloudEvent event = onKafka(notificationId, type).get(0);
        assertThat(ContractSchemas.violations(event.getType(), event.getData().toBytes())).isEmpty();
        return event;
    }

    private static synchronized List<CloudEvent> onKafka(String notificationId, String type) {
        consumer.poll(Duration.ofMillis(200)).forEach(RECEIVED::add);
        return RECEIVED.stream().map(r -> KafkaMessageFactory.createReader(r).toEvent())
                .filter(e -> notificationId.equals(e.getSubject()) && type.equals(e.getType())).toList();
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private HttpResponse<String> post(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
