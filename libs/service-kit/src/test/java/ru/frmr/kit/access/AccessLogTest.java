package ru.frmr.kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.access.AccessedData;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.security.Roles;

/** The access log over the Mongo wire server, and its relay against Kafka's MockProducer. */
class AccessLogTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final AccessCaller SUPERVISOR = new AccessCaller("a-7", null, Roles.SUPERVISOR,
            "ag-abcdefgh2345", AccessCaller.REGIONAL_HEALTH_AUTHORITY, "77", null);
    private static final AccessCaller HR = new AccessCaller("a-8", null, Roles.EMPLOYER_HR, null, null, null,
            "org-5");

    private static EmbeddedMongo server;
    private static MongoClient client;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoCollection<Document> collection;
    private AccessOutbox outbox;
    private AccessLog log;
    private MockProducer<String, byte[]> producer;
    private AccessRelay relay;

    @BeforeAll
    static void startMongo() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        var database = client.getDatabase("access_" + UUID.randomUUID().toString().substring(0, 8));
        collection = database.getCollection(AccessOutbox.COLLECTION);
        outbox = new AccessOutbox(collection);
        log = new AccessLog(outbox, "registry-service", Clock.fixed(NOW, ZoneOffset.UTC), meters);
        producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        relay = new AccessRelay(outbox, producer, URI.create("/frmr/registry-service"), Duration.ofSeconds(5),
                new MongoLockProvider(database.getCollection("shedlock")), Duration.ofMinutes(1), meters);
    }

    @Test
    void thePendingGaugeCountsTheOutboxAndTheRelayCountersStartAtZero() {
        MutableClock clock = new MutableClock(NOW);
        AccessLogAutoConfiguration.outboxMeters(outbox, clock).bindTo(meters);
        Gauge pending = meters.get("frmr.access.outbox.pending").gauge();
        assertThat(pending.value()).isZero();
        assertThat(meters.get("frmr.access.relay.published").counter().count()).isZero();
        assertThat(meters.get("frmr.access.relay.failures").counter().count()).isZero();

        log.recordEach(HR, List.of("w-1", "w-2"), AccessedData.EMPLOYMENT, AccessPurpose.HR_RECORDS);
        assertThat(pending.value()).as("read again only after the cache time").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(pending.value()).isEqualTo(2);
    }

    @Test
    void aReadIsStoredBeforeAnythingIsSentAndHoldsWhoWhatWhyButNoData() {
        log.record(SUPERVISOR, "w-1", AccessedData.RECORD, "Проверка по обращению № 15");

        assertThat(outbox.size()).isEqualTo(1);
        PersonalDataAccessed stored = outbox.oldest(10).get(0);
        assertThat(stored.workerId()).isEqualTo("w-1");
        assertThat(stored.actor().accountId()).isEqualTo("a-7");
        assertThat(stored.actor().agencyId()).isEqualTo("ag-abcdefgh2345");
        assertThat(stored.actor().orgId()).isNull();
        assertThat(stored.purpose()).isEqualTo("Проверка по обращению № 15");
        assertThat(stored.service()).isEqualTo("registry-service");
        assertThat(stored.occurredAt()).isEqualTo(NOW);
        assertThat(ContractSchemas.violations(stored)).isEmpty();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void theRelayPublishesEachRecordUnderItsAccessIdAndEmptiesTheOutboxOnlyOnAcknowledgement() throws Exception {
        log.recordEach(HR, List.of("w-1", "w-2", "w-1"), AccessedData.EMPLOYMENT, AccessPurpose.HR_RECORDS);
        assertThat(outbox.size()).as("one record per person shown").isEqualTo(2);

        Thread sweep = new Thread(relay::sweepWithoutLock);
        sweep.start();
        org.awaitility.Awaitility.await().until(() -> producer.history().size() == 1);
        assertThat(outbox.size()).as("nothing removed before the broker answers").isEqualTo(2);
        producer.completeNext();
        org.awaitility.Awaitility.await().until(() -> producer.history().size() == 2);
        producer.completeNext();
        sweep.join(5_000);

        assertThat(outbox.size()).isZero();
        ProducerRecord<String, byte[]> first = producer.history().get(0);
        assertThat(first.topic()).isEqualTo(Topics.ACCESS_EVENTS);
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactlyInAnyOrder("w-1", "w-2");
        assertThat(header(first, "ce_type")).isEqualTo(EventTypes.PERSONAL_DATA_ACCESSED);
        PersonalDataAccessed sent = ContractJson.fromBytes(first.value(), PersonalDataAccessed.class);
        assertThat(header(first, "ce_id")).isEqualTo(sent.accessId());
        assertThat(first.key()).isEqualTo(sent.workerId());
        assertThat(sent.actor().orgId()).isEqualTo("org-5");
        assertThat(sent.purpose()).isEqualTo("кадровый учёт");
    }

    @Test
    void aRefusedSendKeepsTheRecordForTheNextSweep() {
        log.record(SUPERVISOR, "w-1", AccessedData.RECORD, "Плановая проверка");
        Thread failing = new Thread(() -> assertThatThrownBy(relay::sweepWithoutLock)
                .isInstanceOf(IllegalStateException.class));
        failing.start();
        org.awaitility.Awaitility.await().until(() -> producer.history().size() == 1);
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
        org.awaitility.Awaitility.await().until(() -> !failing.isAlive());

        assertThat(outbox.size()).isEqualTo(1);
        assertThat(meters.counter("frmr.access.relay.failures").count()).isEqualTo(1);
    }

    @Test
    void aFailedStoreFailsTheRead() {
        log.record(SUPERVISOR, "w-1", AccessedData.RECORD, "Плановая проверка");
        PersonalDataAccessed stored = outbox.oldest(1).get(0);
        // The same access id again: the insert fails, and so must the caller's read.
        assertThatThrownBy(() -> outbox.add(List.of(stored))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void supervisorsMustStateAPurposeAndHrAndSupportHaveFixedOnes() {
        MockHttpServletRequest none = new MockHttpServletRequest();
        assertThatThrownBy(() -> log.purposeOf(SUPERVISOR, none))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("purpose"));
        assertThat(log.purposeOf(HR, none)).isEqualTo("кадровый учёт");
        assertThat(log.purposeOf(new AccessCaller("a-9", null, Roles.SUPPORT, null, null, null, null), none))
                .isEqualTo("ответ на обращение");
    }

    @Test
    void thePurposeComesPercentEncodedInTheHeaderOrPlainInTheParameter() {
        MockHttpServletRequest header = new MockHttpServletRequest();
        header.addHeader(AccessPurpose.HEADER, java.net.URLEncoder.encode("Проверка 1+1", StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%2B", "+"));
        assertThat(AccessPurpose.stated(header)).isEqualTo("Проверка 1+1");

        MockHttpServletRequest parameter = new MockHttpServletRequest();
        parameter.setParameter("purpose", "  Жалоба пациента  ");
        assertThat(AccessPurpose.stated(parameter)).isEqualTo("Жалоба пациента");
    }

    @Test
    void aPurposeTooShortTooLongOrBadlyEncodedIsRefusedNamingPurpose() {
        for (String bad : List.of("ab", "x".repeat(301), "%D0", "%ZZ", "Проверка", "a%0Ab")) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader(AccessPurpose.HEADER, bad);
            assertThatThrownBy(() -> AccessPurpose.stated(request)).as(bad)
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("purpose"));
        }
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
