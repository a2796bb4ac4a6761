package ru.frmr.registry.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.registry.api.LicenseNoticeOutcome;
import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.RecordSection;

/** The expiry metrics over the Mongo wire server: the backlog gauge follows the schedule and the clock. */
class ExpiryBacklogGaugeTest {

    private static final LocalDate END = LocalDate.of(2027, 3, 1);

    private static EmbeddedMongo server;
    private static MongoClient client;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private MongoTemplate mongo;
    private LicenseNotices notices;

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
        mongo = new MongoTemplate(client, "backlog_" + UUID.randomUUID().toString().substring(0, 8));
        notices = new LicenseNotices(mongo);
        new ExpiryBacklogGauge(notices, clock).bindTo(registry);
    }

    @Test
    void countsPendingNoticesWhoseDayHasComeAndNotThoseSent() {
        Gauge backlog = registry.get(ExpiryBacklogGauge.BACKLOG).gauge();
        schedule("w-1", "c-1");
        assertThat(backlog.value()).as("the 90-day notice is due on 1 December, not before").isZero();

        // 2 January 2027 in Moscow: the 90-day notices of both are due, the 30-day ones not.
        schedule("w-2", "c-2");
        clock.set(Instant.parse("2027-01-02T09:00:00Z"));
        assertThat(backlog.value()).isEqualTo(2);

        String sent = notices.of("w-1").stream().filter(n -> n.threshold() == LicenseNoticeThreshold.DAYS_90)
                .findFirst().orElseThrow().id();
        notices.markIssued(sent);
        assertThat(backlog.value()).as("cached for a few seconds").isEqualTo(2);
        clock.advance(Duration.ofSeconds(5));
        assertThat(backlog.value()).isEqualTo(1);
    }

    @Test
    void theSweepersOutcomeCountersStartAtZero() {
        new LicenseNoticeSweeper(notices, mock(CommandGateway.class), clock,
                new MongoLockProvider(mongo.getDb().getCollection(ExpiryConfiguration.LOCK_COLLECTION)),
                Duration.ofMinutes(10), registry);

        for (LicenseNoticeOutcome outcome : LicenseNoticeOutcome.values()) {
            assertThat(registry.get(LicenseNoticeSweeper.NOTICES).tag("outcome", outcome.name()).counter().count())
                    .isZero();
        }
    }

    private void schedule(String worker, String entryId) {
        ScheduledLicense license = new ScheduledLicense(worker + "/" + entryId, worker, entryId,
                RecordSection.CERTIFICATES, "specialty-of-" + entryId, END.toString(), "2022-01-10", false, 1);
        List<ScheduledLicense> all = new ArrayList<>(new ScheduledLicenses(mongo).of(worker));
        all.add(license);
        new ScheduledLicenses(mongo).applyIfNewer(license);
        notices.reconcile(worker, ExpirySchedule.noticesFor(all));
    }
}
