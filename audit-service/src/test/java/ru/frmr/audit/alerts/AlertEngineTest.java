package ru.frmr.audit.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.kit.consumer.ReceivedEvent;

/** Each rule against the Mongo wire server, publishing to Kafka's MockProducer. */
class AlertEngineTest {

    /** The start of a 15-minute window (and of an hour). */
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    /** A client address as auth-service names it in {@code LoginFailed}: its keyed hash. */
    private static final String ADDRESS_HASH = "q3Jm0bX9-cT2vN5_hL8wAg";

    private static EmbeddedMongo server;
    private static MongoClient client;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MockProducer<String, byte[]> producer;
    private Alerts alerts;
    private AlertEngine engine;

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
        MongoDatabase database = client.getDatabase("alerts_" + UUID.randomUUID().toString().substring(0, 8));
        producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        alerts = new Alerts(database.getCollection(Alerts.COLLECTION));
        engine = new AlertEngine(new AlertProperties(Map.of()), new AlertWindows(
                database.getCollection(AlertWindows.COLLECTION)), alerts,
                new AlertPublisher(producer, Duration.ofSeconds(5)), Clock.fixed(T0.plusSeconds(3_600),
                ZoneOffset.UTC), meters);
    }

    @Test
    void fiveFailedLoginsOfOneAccountRaiseExactlyOneAlertHoweverManyFollow() {
        for (int i = 0; i < 9; i++) {
            engine.observe(failedLogin("a-1", "e-" + i, T0.plusSeconds(60L * i)));
        }

        assertThat(producer.history()).hasSize(1);
        AuditAlertRaised alert = ContractJson.fromBytes(producer.history().get(0).value(), AuditAlertRaised.class);
        assertThat(producer.history().get(0).topic()).isEqualTo(Topics.AUDIT_ALERTS);
        assertThat(alert.rule()).isEqualTo(AlertRule.FAILED_LOGINS_PER_ACCOUNT);
        assertThat(alert.subject()).isEqualTo("a-1");
        assertThat(alert.count()).isEqualTo(5);
        assertThat(alert.threshold()).isEqualTo(5);
        assertThat(alert.windowStart()).isEqualTo(T0);
        assertThat(alert.windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(alert.alertId()).isEqualTo(AlertWindows.alertId(AlertRule.FAILED_LOGINS_PER_ACCOUNT, "a-1", T0));
        assertThat(ContractSchemas.violations(alert)).isEmpty();
        assertThat(alerts.page(0, 10)).containsExactly(alert);
        assertThat(meters.counter("frmr.audit.alerts.raised", "rule", "FAILED_LOGINS_PER_ACCOUNT").count())
                .isEqualTo(1);
    }

    @Test
    void redeliveredEventsCountOnce() {
        for (int i = 0; i < 4; i++) {
            engine.observe(failedLogin("a-2", "e-" + i, T0.plusSeconds(i)));
            engine.observe(failedLogin("a-2", "e-" + i, T0.plusSeconds(i)));
            engine.observe(failedLogin("a-2", "e-" + i, T0.plusSeconds(i)));
        }
        assertThat(producer.history()).isEmpty();

        engine.observe(failedLogin("a-2", "e-4", T0.plusSeconds(4)));
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void theWindowRollsAndCountsAfreshAndAccountsCountApart() {
        Instant next = T0.plus(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            engine.observe(failedLogin("a-3", "old-" + i, next.minusSeconds(10 + i)));
            engine.observe(failedLogin("a-4", "other-" + i, next.plusSeconds(i)));
        }
        engine.observe(failedLogin("a-3", "new-0", next));
        assertThat(producer.history()).as("4 in one window and 1 in the next, 4 of another account").isEmpty();

        for (int i = 1; i < 5; i++) {
            engine.observe(failedLogin("a-3", "new-" + i, next.plusSeconds(i)));
        }
        assertThat(producer.history()).hasSize(1);
        AuditAlertRaised alert = ContractJson.fromBytes(producer.history().get(0).value(), AuditAlertRaised.class);
        assertThat(alert.windowStart()).isEqualTo(next);
    }

    @Test
    void fiftyFailedLoginsFromOneAddressRaiseExactlyOneAlertNamingTheHashedAddress() {
        AlertEventHandler handler = new AlertEventHandler(engine);
        for (int i = 0; i < 60; i++) {
            handler.handle(loginFailed("e-" + i, new LoginFailed("a-" + i, "SECOND_FACTOR", T0.plusSeconds(i),
                    ADDRESS_HASH)));
        }

        assertThat(producer.history()).as("one account each: only the per-address rule counts them").hasSize(1);
        AuditAlertRaised alert = ContractJson.fromBytes(producer.history().get(0).value(), AuditAlertRaised.class);
        assertThat(alert.rule()).isEqualTo(AlertRule.FAILED_LOGINS_PER_ADDRESS);
        assertThat(alert.subject()).isEqualTo(ADDRESS_HASH);
        assertThat(alert.count()).isEqualTo(50);
        assertThat(alert.threshold()).isEqualTo(50);
        assertThat(alert.windowStart()).isEqualTo(T0);
        assertThat(alert.alertId()).isEqualTo(AlertWindows.alertId(AlertRule.FAILED_LOGINS_PER_ADDRESS, ADDRESS_HASH,
                T0));
        assertThat(ContractSchemas.violations(alert)).isEmpty();
        assertThat(meters.counter("frmr.audit.alerts.raised", "rule", "FAILED_LOGINS_PER_ADDRESS").count())
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredFailureCountsOnceForItsAddressAndFailuresWithoutAHashNotAtAll() {
        AlertEventHandler handler = new AlertEventHandler(engine);
        for (int i = 0; i < 49; i++) {
            ReceivedEvent failure = loginFailed("e-" + i, new LoginFailed("a-" + i, "SECOND_FACTOR",
                    T0.plusSeconds(i), ADDRESS_HASH));
            handler.handle(failure);
            handler.handle(failure);
        }
        for (int i = 0; i < 20; i++) {
            handler.handle(loginFailed("old-" + i, new LoginFailed("b-" + i, "LOCKED", T0.plusSeconds(i), null)));
        }
        assertThat(producer.history()).as("49 distinct failures from the address, 20 from none named").isEmpty();

        handler.handle(loginFailed("e-49", new LoginFailed("a-49", "SECOND_FACTOR", T0.plusSeconds(49),
                ADDRESS_HASH)));
        assertThat(producer.history()).extracting(r -> ContractJson.fromBytes(r.value(), AuditAlertRaised.class))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.rule()).isEqualTo(AlertRule.FAILED_LOGINS_PER_ADDRESS);
                    assertThat(alert.count()).isEqualTo(50);
                });
    }

    @Test
    void oneAccountFailingFromOneAddressRaisesThePerAccountAlertAndCountsTowardTheAddress() {
        AlertEventHandler handler = new AlertEventHandler(engine);
        for (int i = 0; i < 5; i++) {
            handler.handle(loginFailed("e-" + i, new LoginFailed("a-1", "SECOND_FACTOR", T0.plusSeconds(i),
                    ADDRESS_HASH)));
        }
        for (int i = 5; i < 50; i++) {
            handler.handle(loginFailed("e-" + i, new LoginFailed("a-" + i, "SECOND_FACTOR", T0.plusSeconds(i),
                    ADDRESS_HASH)));
        }

        assertThat(producer.history()).extracting(r -> ContractJson.fromBytes(r.value(), AuditAlertRaised.class))
                .extracting(AuditAlertRaised::rule, AuditAlertRaised::subject)
                .containsExactly(tuple(AlertRule.FAILED_LOGINS_PER_ACCOUNT, "a-1"),
                        tuple(AlertRule.FAILED_LOGINS_PER_ADDRESS, ADDRESS_HASH));
    }

    @Test
    void massReadsCountDistinctPeoplePerActor() {
        for (int i = 0; i < 120; i++) {
            engine.observe(new Observation(AlertRule.MASS_RECORD_READS, "admin-1", "w-same", T0.plusSeconds(i)));
        }
        for (int i = 0; i < 49; i++) {
            engine.observe(new Observation(AlertRule.MASS_RECORD_READS, "admin-2", "w-" + i, T0.plusSeconds(i)));
            engine.observe(new Observation(AlertRule.MASS_RECORD_READS, "admin-2", "w-" + i, T0.plusSeconds(i)));
        }
        assertThat(producer.history()).isEmpty();

        engine.observe(new Observation(AlertRule.MASS_RECORD_READS, "admin-2", "w-49", T0.plusSeconds(3_599)));
        assertThat(producer.history()).hasSize(1);
        assertThat(ContractJson.fromBytes(producer.history().get(0).value(), AuditAlertRaised.class).subject())
                .isEqualTo("admin-2");
    }

    @Test
    void tenErasuresWithinAnHourRaiseOneAlert() {
        for (int i = 0; i < 9; i++) {
            engine.observe(new Observation(AlertRule.MASS_ERASURES, Observations.PLATFORM, "er-" + i,
                    T0.plusSeconds(300L * i)));
        }
        engine.observe(new Observation(AlertRule.MASS_ERASURES, Observations.PLATFORM, "er-late",
                T0.plus(Duration.ofHours(1))));
        assertThat(producer.history()).isEmpty();
        engine.observe(new Observation(AlertRule.MASS_ERASURES, Observations.PLATFORM, "er-9", T0.plusSeconds(3_000)));
        assertThat(producer.history()).extracting(r -> ContractJson.fromBytes(r.value(), AuditAlertRaised.class).rule())
                .containsExactly(AlertRule.MASS_ERASURES);
    }

    @Test
    void anAlertKafkaRefusedIsPublishedAgainWithTheSameIdWhenTheEventIsRedelivered() {
        MockProducer<String, byte[]> refusing = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        MongoDatabase database = client.getDatabase("alerts_" + UUID.randomUUID().toString().substring(0, 8));
        Alerts stored = new Alerts(database.getCollection(Alerts.COLLECTION));
        AlertEngine failing = new AlertEngine(new AlertProperties(Map.of(AlertRule.FAILED_LOGINS_PER_ACCOUNT,
                new AlertProperties.Threshold(2, Duration.ofMinutes(15)))),
                new AlertWindows(database.getCollection(AlertWindows.COLLECTION)), stored,
                new AlertPublisher(refusing, Duration.ofMillis(200)), Clock.fixed(T0, ZoneOffset.UTC), meters);
        failing.observe(failedLogin("a-5", "e-1", T0));

        assertThatThrownBy(() -> failing.observe(failedLogin("a-5", "e-2", T0.plusSeconds(1))))
                .isInstanceOf(IllegalStateException.class);
        Thread completer = new Thread(() -> {
            org.awaitility.Awaitility.await().until(() -> refusing.history().size() == 2);
            refusing.completeNext();
        });
        refusing.errorNext(new RuntimeException("gone"));
        completer.start();
        failing.observe(failedLogin("a-5", "e-2", T0.plusSeconds(1)));

        assertThat(refusing.history()).hasSize(2);
        assertThat(refusing.history().get(0).value()).isEqualTo(refusing.history().get(1).value());
        assertThat(stored.total()).isEqualTo(1);
        failing.observe(failedLogin("a-5", "e-3", T0.plusSeconds(2)));
        assertThat(refusing.history()).as("published once acknowledged, not again").hasSize(2);
    }

    @Test
    void thresholdsAreConfigurableAndMustBePositive() {
        AlertProperties properties = new AlertProperties(Map.of(AlertRule.MASS_ERASURES,
                new AlertProperties.Threshold(3, Duration.ofMinutes(5))));
        assertThat(properties.of(AlertRule.MASS_ERASURES).count()).isEqualTo(3);
        assertThat(properties.of(AlertRule.FAILED_LOGINS_PER_ACCOUNT).count()).isEqualTo(5);
        assertThatThrownBy(() -> new AlertProperties(Map.of(AlertRule.MASS_ERASURES,
                new AlertProperties.Threshold(0, Duration.ofMinutes(5))))).isInstanceOf(IllegalArgumentException.class);
    }

    private static ReceivedEvent loginFailed(String eventId, LoginFailed failed) {
        return new ReceivedEvent(eventId, EventTypes.LOGIN_FAILED, URI.create("/frmr/auth-service"),
                failed.accountId(), null, null, null, null, ContractJson.toBytes(failed), Topics.AUTH_EVENTS, 0, 0);
    }

    private static Observation failedLogin(String account, String eventId, Instant at) {
        return new Observation(AlertRule.FAILED_LOGINS_PER_ACCOUNT, account, eventId, at);
    }

}
