package ru.frmr.registry.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.registry.api.IssueLicenseNoticeCommand;
import ru.frmr.registry.api.LicenseNoticeOutcome;
import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.RecordSection;

/** The sweeper against the Mongo wire server, with the record (the command gateway) replaced by a mock. */
class LicenseNoticeSweeperTest {

    private static final LocalDate END = LocalDate.of(2027, 3, 1);

    private static EmbeddedMongo server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private LicenseNotices notices;
    private CommandGateway commands;
    private final List<IssueLicenseNoticeCommand> sent = new ArrayList<>();
    private Function<IssueLicenseNoticeCommand, LicenseNoticeOutcome> record;
    private String worker;

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
        mongo = new MongoTemplate(client, "expiry_sweeper_test");
        notices = new LicenseNotices(mongo);
        commands = mock(CommandGateway.class);
        record = command -> LicenseNoticeOutcome.ISSUED;
        when(commands.sendAndWait(any())).thenAnswer(invocation -> {
            IssueLicenseNoticeCommand command = invocation.getArgument(0);
            sent.add(command);
            return record.apply(command);
        });
        worker = UUID.randomUUID().toString();
    }

    /** A certificate of its own specialty, so that none renews another. */
    private void schedule(String entryId, LocalDate endDate) {
        ScheduledLicense license = new ScheduledLicense(worker + "/" + entryId, worker, entryId,
                RecordSection.CERTIFICATES, "specialty-of-" + entryId, endDate.toString(), "2022-01-10", false, 1);
        List<ScheduledLicense> all = new ArrayList<>(new ScheduledLicenses(mongo).of(worker));
        all.add(license);
        new ScheduledLicenses(mongo).applyIfNewer(license);
        notices.reconcile(worker, ExpirySchedule.noticesFor(all));
    }

    private LicenseNoticeSweeper sweeperAt(Instant now) {
        return new LicenseNoticeSweeper(notices, commands, Clock.fixed(now, ZoneOffset.UTC),
                new MongoLockProvider(mongo.getDb().getCollection(ExpiryConfiguration.LOCK_COLLECTION)),
                Duration.ofMinutes(10), new SimpleMeterRegistry());
    }

    private Map<LicenseNoticeThreshold, NoticeState> states(String entryId) {
        return notices.of(worker).stream().filter(n -> n.entryId().equals(entryId))
                .collect(Collectors.toMap(LicenseNotice::threshold, LicenseNotice::state));
    }

    private List<IssueLicenseNoticeCommand> sentFor(String entryId) {
        return sent.stream().filter(c -> c.workerId().equals(worker) && c.entryId().equals(entryId)).toList();
    }

    @Test
    void sendsWhatIsDueOnTheMoscowDayAndMarksItIssued() {
        schedule("c-1", END);

        // 21:30 UTC on 29 January is 30 January in Moscow: 30 days before the end.
        sweeperAt(Instant.parse("2027-01-29T21:30:00Z")).issueDueNotices();

        assertThat(sentFor("c-1")).extracting(IssueLicenseNoticeCommand::threshold)
                .containsExactly(LicenseNoticeThreshold.DAYS_30);
        assertThat(sentFor("c-1").get(0).today()).isEqualTo(LocalDate.of(2027, 1, 30));
        assertThat(sentFor("c-1").get(0).endDate()).isEqualTo(END);
        assertThat(states("c-1")).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.SKIPPED)
                .containsEntry(LicenseNoticeThreshold.DAYS_30, NoticeState.ISSUED)
                .containsEntry(LicenseNoticeThreshold.DAYS_7, NoticeState.PENDING)
                .containsEntry(LicenseNoticeThreshold.END_DATE, NoticeState.PENDING);
    }

    @Test
    void afterAnOutageOnlyTheNearestDueNoticeGoesOut() {
        schedule("c-1", END);

        sweeperAt(Instant.parse("2027-03-05T09:00:00Z")).issueDueNotices();

        assertThat(sentFor("c-1")).extracting(IssueLicenseNoticeCommand::threshold)
                .containsExactly(LicenseNoticeThreshold.END_DATE);
        assertThat(states("c-1")).containsEntry(LicenseNoticeThreshold.DAYS_7, NoticeState.SKIPPED)
                .containsEntry(LicenseNoticeThreshold.END_DATE, NoticeState.ISSUED);
    }

    @Test
    void marksWhatTheRecordAnsweredAndKeepsGoingPastFailures() {
        schedule("issued-before", END);
        schedule("renewed", END.minusDays(1));
        schedule("not-due", END.minusDays(2));
        schedule("failing", END.minusDays(3));
        schedule("fine", END.minusDays(4));
        record = command -> switch (command.entryId()) {
            case "issued-before" -> LicenseNoticeOutcome.ALREADY_ISSUED;
            case "renewed" -> LicenseNoticeOutcome.RENEWED;
            case "not-due" -> LicenseNoticeOutcome.NOT_DUE;
            case "failing" -> throw new IllegalStateException("event store unavailable");
            default -> LicenseNoticeOutcome.ISSUED;
        };

        sweeperAt(Instant.parse("2026-12-10T09:00:00Z")).issueDueNotices();

        assertThat(states("issued-before")).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.ISSUED);
        assertThat(states("renewed")).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.SKIPPED);
        assertThat(states("not-due")).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.PENDING);
        assertThat(states("failing")).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.PENDING);
        assertThat(states("fine")).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.ISSUED);
        assertThat(sentFor("failing")).hasSize(1);

        record = command -> LicenseNoticeOutcome.ISSUED;
        sweeperAt(Instant.parse("2026-12-10T09:01:00Z")).issueDueNotices();

        assertThat(states("failing")).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.ISSUED);
        assertThat(sentFor("failing")).hasSize(2);
        assertThat(sentFor("fine")).hasSize(1);
    }

    @Test
    void noticesNotDueYetAreLeftAlone() {
        schedule("c-1", END);

        sweeperAt(Instant.parse("2026-11-30T20:59:59Z")).issueDueNotices();

        assertThat(sentFor("c-1")).isEmpty();
        assertThat(states("c-1").values()).containsOnly(NoticeState.PENDING);
    }

    @Test
    void whileAnotherReplicaHoldsTheLockThisOneDoesNotSweep() {
        schedule("c-1", END);
        MongoLockProvider otherReplica = new MongoLockProvider(
                mongo.getDb().getCollection(ExpiryConfiguration.LOCK_COLLECTION));
        Optional<SimpleLock> held = otherReplica.lock(new LockConfiguration(Instant.now(),
                LicenseNoticeSweeper.LOCK_NAME, Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();
        LicenseNoticeSweeper sweeper = sweeperAt(Instant.parse("2026-12-10T09:00:00Z"));

        sweeper.sweep();
        verify(commands, never()).sendAndWait(any());

        held.get().unlock();
        sweeper.sweep();
        assertThat(sentFor("c-1")).extracting(IssueLicenseNoticeCommand::threshold)
                .containsExactly(LicenseNoticeThreshold.DAYS_90);
    }
}
