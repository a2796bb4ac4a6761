package ru.frmr.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.auth.AccountLocked;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.registry.LicenseExpiringSoon;
import ru.frmr.contracts.registry.LicenseKind;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.infra.embedded.ServiceSmokeChecks;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.openapi.OpenApiCoverage;
import ru.frmr.kit.relay.CloudEventRecords;
import ru.frmr.kit.security.Roles;
import ru.frmr.notification.delivery.Outbox;
import ru.frmr.notification.delivery.OutboxEntry;
import ru.frmr.notification.inbox.MongoInbox;
import ru.frmr.notification.notice.route.RoutingTable;
import ru.frmr.notification.people.SealedAddressBook;

/**
 * notification-service with the real in-process Kafka broker and the Mongo wire server: the platform's events, as
 * CloudEvents on their topics, become outbox entries of the right kind for the right people on the right channels;
 * the preferences and inbox APIs. The outbox has its own IT (DeliveryFlowIT): here a recording one stands in its place
 * ({@code @Primary}), so what is asserted is exactly what the routing queues. Also what the kit gives every service
 * (probes, metrics, problem+json), checked in this context rather than in one of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
class NoticesIT {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra infra = SharedTestInfra.get();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("notification_notices_it"));
        registry.add("frmr.security.jwks-uri", ISSUER::jwksUri);
        // Another cached context of this service (on another database) lives beside this one: consumer groups of
        // their own, or each would take the other's events. The application's name (metrics carry it) stays.
        registry.add("frmr.kafka.consumer-group-prefix", () -> "notification-service-notices-it");
    }

    /** Every entry queued, in order; {@link #entries()} keeps one per notification id as the real outbox does. */
    static final class RecordingOutbox implements Outbox {
        final List<OutboxEntry> calls = new CopyOnWriteArrayList<>();

        @Override
        public void enqueue(OutboxEntry entry) {
            calls.add(entry);
        }

        List<OutboxEntry> of(String sourceEventId) {
            Map<String, OutboxEntry> unique = new java.util.LinkedHashMap<>();
            calls.stream().filter(e -> e.sourceEventId().equals(sourceEventId))
                    .forEach(e -> unique.putIfAbsent(e.notificationId(), e));
            return List.copyOf(unique.values());
        }
    }

    @TestConfiguration
    static class RecordingOutboxConfiguration {
        @Bean
        @Primary
        RecordingOutbox recordingOutbox() {
            return new RecordingOutbox();
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RecordingOutbox outbox;

    @Autowired
    SealedAddressBook people;

    @Autowired
    MongoInbox inbox;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PersonalDataCipher cipher;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    // --- the service as the kit makes every service ------------------------------------------------------------

    @Test
    void servesOnlyWhatTheKitGivesEveryService() {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port, managementPort, ISSUER);
        checks.probesAreUp();
        checks.metricsCarryTheServiceTag("notification-service");
        checks.metricsAreNotOnTheApiPort();
        checks.onlyOperationalEndpointsAreExposed();
        checks.anonymousRequestsAreUnauthorizedProblems();
        checks.unknownRoutesAreNotFoundProblems();
        checks.metricsInclude("frmr_relay_lag_seconds", "frmr_axon_processor_lag_seconds",
                "frmr_relay_published_total", "frmr_relay_failures_total", "frmr_consumer_events_total",
                "frmr_consumer_dead_lettered_total", "kafka_producer_record_send_total",
                "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes",
                "process_start_time_seconds", "frmr_access_outbox_pending", "frmr_access_relay_published_total",
                "frmr_access_relay_failures_total", "http_server_requests_seconds_bucket",
                "frmr_notification_sent_total", "frmr_notification_failed_total",
                "frmr_notification_attempts_failed_total", "frmr_notification_pending",
                "frmr_notification_webhook_deliveries_total", "frmr_support_requests_open",
                "frmr_support_requests_overdue", "frmr_support_answer_target_breaches_total");
    }

    // --- routing ----------------------------------------------------------------------------------------------

    @Test
    void everyRowOfTheRoutingTableQueuesItsKindForItsPeopleOnTheirChannels() {
        RoutingTable.Cast cast = RoutingTable.Cast.fresh();
        known(cast);
        List<RoutingTable.Row> rows = new ArrayList<>(RoutingTable.rows(cast));
        RoutingTable.Row contacts = RoutingTable.contactsChanged(cast, "maria.new@mail.ru");
        rows.add(contacts);
        rows.forEach(row -> publish(row.eventId(), row.event()));

        for (RoutingTable.Row row : rows) {
            if (row.kind() == null) {
                continue;
            }
            Set<String> expected = row.queued().entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(ch -> e.getKey() + "/" + ch))
                    .collect(Collectors.toSet());
            await(row.name()).atMost(WITHIN).until(() -> queued(row.eventId()).equals(expected));
            assertThat(outbox.of(row.eventId())).as(row.name()).allSatisfy(entry -> {
                assertThat(entry.kind()).isEqualTo(row.kind());
                assertThat(entry.fields()).containsAllEntriesOf(row.fields());
                assertThat(entry.notificationId()).isEqualTo(OutboxEntry.idOf(row.eventId(), entry.channel(),
                        entry.recipientKey()));
            });
        }
        // Rows that tell nobody were published with the others: they still queue nothing.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> rows.stream()
                .filter(r -> r.kind() == null).allMatch(r -> outbox.of(r.eventId()).isEmpty()));
        // The worker was greeted by name; the old e-mail address is the one warned of the change.
        assertThat(outbox.of(rows.get(0).eventId()).get(0).fields())
                .containsEntry("greeting", "Здравствуйте, Мария Петровна!");
        assertThat(people.address(SealedAddressBook.previousEmailKey(cast.accountId(), contacts.eventId()),
                NotificationChannel.EMAIL)).contains(email(cast));
        assertThat(people.address(cast.accountId(), NotificationChannel.EMAIL)).contains("maria.new@mail.ru");
    }

    @Test
    void theSameEventDeliveredTwiceQueuesOneEntryPerChannel() {
        RoutingTable.Cast cast = RoutingTable.Cast.fresh();
        known(cast);
        String eventId = UUID.randomUUID().toString();
        AccountLocked locked = new AccountLocked(cast.accountId(), Instant.parse("2026-12-06T12:15:00Z"),
                Instant.parse("2026-12-06T12:00:00Z"));

        publish(eventId, locked);
        publish(eventId, locked);

        await().atMost(WITHIN).until(() -> outbox.of(eventId).size() == 3);
        // Counted as queued, not as distinct ids: the second delivery must not reach the outbox at all.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> outbox.calls.stream().filter(e -> e.sourceEventId().equals(eventId)).count() == 3);
        assertThat(queued(eventId)).containsExactlyInAnyOrder(cast.accountId() + "/EMAIL",
                cast.accountId() + "/SMS", cast.accountId() + "/INBOX");
    }

    @Test
    void eachContactChangeWarnsTheAddressHeldJustBeforeIt() {
        String accountId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), provisioned(accountId, "first@mail.ru", null));
        await().atMost(WITHIN).until(() -> people.address(accountId, NotificationChannel.EMAIL).isPresent());
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publish(first, new AccountContactsChanged(accountId, "second@mail.ru", null,
                Instant.parse("2026-12-06T10:00:00Z")));
        publish(second, new AccountContactsChanged(accountId, "third@mail.ru", null,
                Instant.parse("2026-12-06T10:01:00Z")));

        await().atMost(WITHIN).until(() -> outbox.of(second).size() == 3);
        // Both warnings wait in the outbox; the second change must not redirect the first one's.
        assertThat(people.address(SealedAddressBook.previousEmailKey(accountId, first), NotificationChannel.EMAIL))
                .contains("first@mail.ru");
        assertThat(people.address(SealedAddressBook.previousEmailKey(accountId, second), NotificationChannel.EMAIL))
                .contains("second@mail.ru");
        assertThat(people.address(accountId, NotificationChannel.EMAIL)).contains("third@mail.ru");
    }

    @Test
    void aWorkersNoticeWaitsForTheirAccountAndGoesOutWhenTheRegistryLinksIt() {
        String workerId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), provisioned(accountId, "late@mail.ru", null));
        publish(eventId, new LicenseExpiringSoon(workerId, UUID.randomUUID().toString(), LicenseKind.CERTIFICATE,
                "34.02.01", LocalDate.of(2027, 3, 1), 90));
        await().atMost(WITHIN).until(() -> parkedFor(workerId));
        assertThat(outbox.of(eventId)).isEmpty();

        publish(UUID.randomUUID().toString(), new WorkerAccountLinked(workerId, accountId, Instant.now()));

        await().atMost(WITHIN).until(() -> queued(eventId).equals(Set.of(accountId + "/EMAIL",
                accountId + "/INBOX")));
        assertThat(parkedFor(workerId)).isFalse();
    }

    @Test
    void anHrRightTakenBackIsNotRestoredByAnOlderGrantArrivingLate() {
        RoutingTable.Cast cast = RoutingTable.Cast.fresh();
        known(cast);

        publish(UUID.randomUUID().toString(), new HrRightRevoked(cast.organizationId(), cast.hr2(), 3, Instant.now()));
        await().atMost(WITHIN).until(() -> people.hrAccountsOf(cast.organizationId()).equals(Set.of(cast.hr1())));
        publish(UUID.randomUUID().toString(), new HrRightGranted(cast.organizationId(), cast.hr2(), 2, Instant.now()));
        publish(UUID.randomUUID().toString(), new MedicalOrganizationCorrected(cast.organizationId(), "ГБУЗ «ГКБ № 1»",
                "1027700132195", "7701234567", "770101001", "1.2.643.5.1.13", "50", "г. Москва", 2, Instant.now()));

        await().atMost(WITHIN).until(() -> people.organization(cast.organizationId())
                .map(o -> o.regionCode().equals("50")).orElse(false));
        assertThat(people.hrAccountsOf(cast.organizationId())).containsExactly(cast.hr1());
        assertThat(people.organization(cast.organizationId()).orElseThrow().name()).isEqualTo("ГБУЗ «ГКБ № 1»");
    }

    @Test
    void anAnonymousRequestersAddressIsKeptSealedUnderTheirOwnKey() {
        String requestId = UUID.randomUUID().toString();
        people.rememberRequester(requestId, " someone@mail.ru ");

        assertThat(people.address("support-request:" + requestId, NotificationChannel.EMAIL))
                .contains("someone@mail.ru");
        assertThat(people.address("support-request:" + requestId, NotificationChannel.SMS)).isEmpty();
        assertThat(people.erased("support-request:" + requestId)).isFalse();
        Document raw = mongo.findById(requestId, Document.class, "notice_requesters");
        assertThat(raw.getString("email")).startsWith(PersonalDataCipher.TOKEN_PREFIX);
        assertThat(raw.toJson()).doesNotContain("someone@mail.ru");
        assertThat(people.address("supervision:77", NotificationChannel.EMAIL)).contains("nadzor-77@rzn.local");
        assertThat(people.address("supervision:99", NotificationChannel.EMAIL)).contains("nadzor@rzn.local");
        assertThat(people.address("security:soc", NotificationChannel.EMAIL)).contains("security@frmr.local");
        assertThat(people.address("security:soc", NotificationChannel.INBOX)).isEmpty();
        assertThat(people.erased("security:soc")).isFalse();
    }

    @Test
    void aNoticeParkedForAWorkerErasedBeforeTheLinkNeverGoesOut() {
        String workerId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), provisioned(accountId, "gone@mail.ru", "+79160000009"));
        publish(eventId, new LicenseExpiringSoon(workerId, UUID.randomUUID().toString(), LicenseKind.CERTIFICATE,
                "34.02.01", LocalDate.of(2027, 3, 1), 90));
        await().atMost(WITHIN).until(() -> parkedFor(workerId));

        publish(UUID.randomUUID().toString(), new PersonalDataErased(workerId, Instant.now()));
        await().atMost(WITHIN).until(() -> !parkedFor(workerId));
        publish(UUID.randomUUID().toString(), new WorkerAccountLinked(workerId, accountId, Instant.now()));

        await().atMost(WITHIN).until(() -> people.erased(accountId));
        assertThat(people.address(accountId, NotificationChannel.EMAIL)).isEmpty();
        assertThat(outbox.of(eventId)).isEmpty();
    }

    // --- erasure ----------------------------------------------------------------------------------------------

    @Test
    void anErasedPersonGetsNothingMoreAndNoAddressOfTheirsRemainsReadable() {
        RoutingTable.Cast cast = RoutingTable.Cast.fresh();
        known(cast);
        inbox.put(cast.accountId(), UUID.randomUUID().toString(), NoticeKind.CHANGE_REJECTED,
                "Изменение отклонено", "Мария Петровна, скан не читается", Instant.now());
        Document before = mongo.findById(cast.accountId(), Document.class, "notice_accounts");
        String sealedEmail = before.getString("email");
        assertThat(sealedEmail).startsWith(PersonalDataCipher.TOKEN_PREFIX).doesNotContain(email(cast));

        publish(UUID.randomUUID().toString(), new PersonalDataErased(cast.workerId(), Instant.now()));
        await().atMost(WITHIN).until(() -> people.erased(cast.accountId()));

        assertThat(cipher.decrypt(cast.accountId(), sealedEmail)).isEmpty();
        assertThat(people.address(cast.accountId(), NotificationChannel.EMAIL)).isEmpty();
        assertThat(people.address(cast.accountId(), NotificationChannel.SMS)).isEmpty();
        assertThat(people.address(cast.accountId(), NotificationChannel.INBOX)).isEmpty();
        for (String collection : List.of("notice_accounts", "notice_workers", "notice_parked", "inbox_items",
                "notice_preferences", "notice_hr_rights", "notice_organizations")) {
            for (Document raw : mongo.findAll(Document.class, collection)) {
                assertThat(raw.toJson()).as(collection).doesNotContain(email(cast)).doesNotContain("79161234567")
                        .doesNotContain("Петровна").doesNotContain(sealedEmail);
            }
        }
        Document after = mongo.findById(cast.accountId(), Document.class, "notice_accounts");
        assertThat(after).doesNotContainKeys("email", "mobile", "name", "previousEmails");
        assertThat(after.getBoolean("erased")).isTrue();

        String lockedId = UUID.randomUUID().toString();
        String expiringId = UUID.randomUUID().toString();
        publish(lockedId, new AccountLocked(cast.accountId(), Instant.now().plusSeconds(900), Instant.now()));
        publish(expiringId, new LicenseExpiringSoon(cast.workerId(), UUID.randomUUID().toString(),
                LicenseKind.ACCREDITATION, "34.02.01", LocalDate.of(2027, 1, 5), 30));
        // Another person's notice on the same topics shows the events were consumed.
        RoutingTable.Cast other = RoutingTable.Cast.fresh();
        known(other);
        String otherId = UUID.randomUUID().toString();
        publish(otherId, new AccountLocked(other.accountId(), Instant.now().plusSeconds(900), Instant.now()));
        await().atMost(WITHIN).until(() -> outbox.of(otherId).size() == 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> outbox.of(lockedId).isEmpty() && outbox.of(expiringId).isEmpty());
    }

    // --- preferences API --------------------------------------------------------------------------------------

    @Test
    void preferencesStartFromTheDefaultsAndShowTheContactsMasked() throws Exception {
        RoutingTable.Cast cast = RoutingTable.Cast.fresh();
        known(cast);
        JsonNode prefs = json(get("/api/notifications/me/preferences", token(cast.accountId())), 200);

        assertThat(prefs.path("kinds")).hasSize(19);
        JsonNode expiring = kind(prefs, "LICENSE_EXPIRING");
        assertThat(expiring.path("title").asText()).isEqualTo("Скоро истекает срок аккредитации или сертификата");
        assertThat(expiring.path("security").asBoolean()).isFalse();
        assertThat(expiring.at("/channels/EMAIL/enabled").asBoolean()).isTrue();
        assertThat(expiring.at("/channels/SMS/available").asBoolean()).isTrue();
        assertThat(expiring.at("/channels/SMS/enabled").asBoolean()).isFalse();
        assertThat(kind(prefs, "CERTIFICATE_READY").at("/channels/SMS/available").asBoolean()).isFalse();
        assertThat(kind(prefs, "ACCOUNT_LOCKED").path("security").asBoolean()).isTrue();
        assertThat(prefs.at("/quietHours/enabled").asBoolean()).isFalse();
        assertThat(prefs.at("/quietHours/timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(prefs.at("/contacts/email").asText()).isEqualTo("m***@mail.ru");
        assertThat(prefs.at("/contacts/mobile").asText()).isEqualTo("+7********67");
    }

    @Test
    void preferencesAreSavedAndReadBack() throws Exception {
        String token = token(UUID.randomUUID().toString());
        JsonNode saved = json(put("/api/notifications/me/preferences", token, """
                {"kinds":[{"kind":"LICENSE_EXPIRING","channels":{"SMS":{"enabled":true},"EMAIL":{"enabled":false}}}],
                 "quietHours":{"enabled":true,"from":"23:00","to":"07:30","timeZone":"Asia/Yekaterinburg"}}"""), 200);

        JsonNode read = json(get("/api/notifications/me/preferences", token), 200);
        assertThat(read).isEqualTo(saved);
        assertThat(kind(read, "LICENSE_EXPIRING").at("/channels/SMS/enabled").asBoolean()).isTrue();
        assertThat(kind(read, "LICENSE_EXPIRING").at("/channels/EMAIL/enabled").asBoolean()).isFalse();
        assertThat(kind(read, "LICENSE_EXPIRED").at("/channels/EMAIL/enabled").asBoolean()).isTrue();
        assertThat(read.at("/quietHours/from").asText()).isEqualTo("23:00");
        assertThat(read.at("/quietHours/to").asText()).isEqualTo("07:30");
        assertThat(read.at("/quietHours/timeZone").asText()).isEqualTo("Asia/Yekaterinburg");
        // The whole GET answer goes back as a PUT unchanged.
        assertThat(json(put("/api/notifications/me/preferences", token, read.toString()), 200)).isEqualTo(read);
    }

    @Test
    void preferencesRefuseWhatCannotBeSwitchedAndNameTheField() throws Exception {
        String token = token(UUID.randomUUID().toString());
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"kinds\":[{\"kind\":\"ACCOUNT_LOCKED\",\"channels\":{\"EMAIL\":{\"enabled\":false}}}]}"),
                "kinds[0].channels.EMAIL.enabled");
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"kinds\":[{\"kind\":\"CHANGE_APPROVED\",\"channels\":{\"INBOX\":{\"enabled\":false}}}]}"),
                "kinds[0].channels.INBOX.enabled");
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"kinds\":[{\"kind\":\"CERTIFICATE_READY\",\"channels\":{\"SMS\":{\"enabled\":true}}}]}"),
                "kinds[0].channels.SMS.enabled");
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"kinds\":[{\"kind\":\"NO_SUCH_KIND\",\"channels\":{}}]}"), "kinds[0].kind");
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"kinds\":[{\"kind\":\"LICENSE_EXPIRED\",\"channels\":{\"PIGEON\":{\"enabled\":true}}}]}"),
                "kinds[0].channels.PIGEON");
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"quietHours\":{\"enabled\":true,\"from\":\"25:00\",\"to\":\"08:00\"}}"), "quietHours.from");
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"quietHours\":{\"enabled\":true,\"from\":\"22:00\",\"to\":\"08:00\",\"timeZone\":\"Mars/Base\"}}"),
                "quietHours.timeZone");
        assertProblem(put("/api/notifications/me/preferences", token,
                "{\"quietHours\":{\"enabled\":true,\"from\":\"22:00\",\"to\":\"22:00\"}}"), "quietHours.to");
        // Nothing of the refused requests was kept.
        JsonNode read = json(get("/api/notifications/me/preferences", token), 200);
        assertThat(kind(read, "CHANGE_APPROVED").at("/channels/INBOX/enabled").asBoolean()).isTrue();
        assertThat(read.at("/quietHours/enabled").asBoolean()).isFalse();
    }

    // --- inbox API --------------------------------------------------------------------------------------------

    @Test
    void theInboxListsTheCallersNoticesNewestFirstAndMarksThemRead() throws Exception {
        String me = UUID.randomUUID().toString();
        String someoneElse = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            inbox.put(me, id, NoticeKind.CERTIFICATE_READY, "Справка готова " + i, "Текст " + i, t0.plusSeconds(i));
        }
        inbox.put(me, ids.get(0), NoticeKind.CERTIFICATE_READY, "повтор", "повтор", t0.plusSeconds(60));
        String othersId = UUID.randomUUID().toString();
        inbox.put(someoneElse, othersId, NoticeKind.LICENSE_EXPIRED, "Чужое", "Чужое", t0);
        String token = token(me);

        JsonNode page = json(get("/api/notifications/me/inbox?page=0&size=2", token), 200);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("unread").asLong()).isEqualTo(3);
        assertThat(page.path("items")).extracting(n -> n.path("title").asText())
                .containsExactly("Справка готова 2", "Справка готова 1");
        assertThat(page.path("items").get(0).path("kind").asText()).isEqualTo("CERTIFICATE_READY");
        assertThat(page.path("items").get(0).path("read").asBoolean()).isFalse();
        assertThat(json(get("/api/notifications/me/inbox?page=1&size=2", token), 200).path("items"))
                .extracting(n -> n.path("id").asText()).containsExactly(ids.get(0));

        assertThat(post("/api/notifications/me/inbox/" + ids.get(1) + "/read", token).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/notifications/me/inbox/unread-count", token), 200).path("unread").asLong())
                .isEqualTo(2);
        assertThat(post("/api/notifications/me/inbox/" + othersId + "/read", token).statusCode()).isEqualTo(404);
        assertProblem(post("/api/notifications/me/inbox/not-an-id/read", token), "id");
        assertProblem(get("/api/notifications/me/inbox?size=500", token), "size");

        assertThat(post("/api/notifications/me/inbox/read-all", token).statusCode()).isEqualTo(204);
        assertThat(json(get("/api/notifications/me/inbox/unread-count", token), 200).path("unread").asLong())
                .isZero();
        assertThat(json(get("/api/notifications/me/inbox/unread-count", token(someoneElse)), 200)
                .path("unread").asLong()).isEqualTo(1);
    }

    @Test
    void operatorsSeeTheTemplatesInUse() throws Exception {
        JsonNode templates = json(get("/api/notifications/admin/templates",
                ISSUER.mint(TestToken.withRoles(Roles.REGISTRY_ADMIN))), 200);
        assertThat(templates.path("items")).hasSize(53);
        JsonNode sms = null;
        for (JsonNode t : templates.path("items")) {
            if (t.path("kind").asText().equals("NEW_DEVICE_LOGIN") && t.path("channel").asText().equals("SMS")) {
                sms = t;
            }
        }
        assertThat(sms).isNotNull();
        assertThat(sms.path("version").asInt()).isEqualTo(1);
        assertThat(sms.path("smsSegments").asInt()).isBetween(1, 3);
        assertThat(sms.path("fields")).extracting(JsonNode::asText).containsExactlyInAnyOrder("at", "device");
        assertThat(get("/api/notifications/admin/templates", token(UUID.randomUUID().toString())).statusCode())
                .isEqualTo(403);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** The cast's facts as auth-service, the registry and the employer-service publish them. */
    private void known(RoutingTable.Cast c) {
        publish(UUID.randomUUID().toString(), new MedicalOrganizationRegistered(c.organizationId(),
                RoutingTable.ORGANIZATION_NAME, "1027700132195", "7701234567", "770101001", "1.2.643.5.1.13",
                RoutingTable.REGION, "г. Москва, ул. Ленина, д. 1", 1, Instant.now()));
        publish(UUID.randomUUID().toString(), new HrRightGranted(c.organizationId(), c.hr1(), 1, Instant.now()));
        publish(UUID.randomUUID().toString(), new HrRightGranted(c.organizationId(), c.hr2(), 2, Instant.now()));
        publish(UUID.randomUUID().toString(), provisioned(c.accountId(), email(c), "+79161234567"));
        publish(UUID.randomUUID().toString(), provisioned(c.hr1(), "hr1-" + c.hr1() + "@gkb1.ru", null));
        publish(UUID.randomUUID().toString(), provisioned(c.hr2(), "hr2-" + c.hr2() + "@gkb1.ru", "+79160000002"));
        publish(UUID.randomUUID().toString(), new WorkerAccountLinked(c.workerId(), c.accountId(), Instant.now()));
        await().atMost(WITHIN).until(() -> people.accountOfWorker(c.workerId()).isPresent()
                && people.hrAccountsOf(c.organizationId()).size() == 2
                && people.organization(c.organizationId()).isPresent()
                && people.address(c.accountId(), NotificationChannel.SMS).isPresent()
                && people.address(c.hr1(), NotificationChannel.EMAIL).isPresent()
                && people.address(c.hr2(), NotificationChannel.EMAIL).isPresent());
    }

    private static String email(RoutingTable.Cast c) {
        return "m" + c.accountId().substring(0, 8) + "@mail.ru";
    }

    private static AccountProvisioned provisioned(String accountId, String email, String mobile) {
        return new AccountProvisioned(accountId, true, "1000299654", "Иванова", "Мария", "Петровна",
                LocalDate.of(1985, 4, 12), "F", "11223344595", email, mobile, Instant.now(), null, "RUS", null);
    }

    private boolean parkedFor(String workerId) {
        return mongo.exists(Query.query(Criteria.where("workerId").is(workerId)), "notice_parked");
    }

    private Set<String> queued(String eventId) {
        return outbox.of(eventId).stream().map(e -> e.recipientKey() + "/" + e.channel())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static synchronized void publish(String eventId, IntegrationEvent event) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        var descriptor = EventCatalog.of(event.getClass());
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, URI.create("/frmr/test"), descriptor, event,
                Instant.now(), Map.of(CloudEventRecords.ACTOR, "system"));
        try {
            producer.send(CloudEventRecords.record(descriptor.topic(), ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode kind(JsonNode prefs, String kind) {
        for (JsonNode k : prefs.path("kinds")) {
            if (k.path("kind").asText().equals(kind)) {
                return k;
            }
        }
        throw new AssertionError("no kind " + kind + " in " + prefs);
    }

    private static String token(String accountId) {
        return ISSUER.mint(TestToken.withRoles("WORKER").withSubject(accountId));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String token, String body) throws Exception {
        return HTTP.send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return HTTP.send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("errors")).extracting(e -> e.path("field").asText())
                .contains(field);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping openApiHandlers;

    /** The OpenAPI 3.1 document: served without a token, listing every handler of the service, support requests included. */
    @Test
    void theOpenApiDocumentIsPublicAndCoversEveryHandler() {
        OpenApiCoverage.verify(URI.create("http://127.0.0.1:" + port + "/api/notifications/openapi.json"), openApiHandlers);
    }
}
