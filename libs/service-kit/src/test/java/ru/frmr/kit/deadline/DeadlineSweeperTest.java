package ru.frmr.kit.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ru.frmr.infra.embedded.EmbeddedMongo;

/** The sweep loop over deadlines held in memory, with ShedLock's Mongo lock against the Mongo wire server. */
class DeadlineSweeperTest {

    private static final Instant NOW = Instant.parse("2026-02-26T06:00:00Z");
    private static final String LOCK = "test-sweep";
    private static final String SWEEPS = "frmr.test.sweeps";

    private static EmbeddedMongo server;
    private static MongoClient client;

    private final Deadlines deadlines = new Deadlines();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoLockProvider locks;
    private DeadlineSweeper<Deadline> sweeper;

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
        String database = "deadline_sweeper_" + UUID.randomUUID().toString().substring(0, 8);
        locks = new MongoLockProvider(client.getDatabase(database).getCollection("shedlock"));
        sweeper = new DeadlineSweeper<>(LOCK, deadlines, "Deadline {} not settled", SWEEPS,
                Clock.fixed(NOW, ZoneOffset.UTC), locks, Duration.ofMinutes(5), meters);
    }

    @Test
    void settlesWhatIsDueBatchAfterBatchAndCountsTheSweep() {
        for (int i = 0; i < 450; i++) {
            deadlines.schedule(String.format("d-%03d", i), NOW.minusSeconds(i));
        }
        deadlines.schedule("later", NOW.plusSeconds(1));

        sweeper.sweepWithoutLock();

        assertThat(deadlines.tried).hasSize(450).doesNotHaveDuplicates().doesNotContain("later");
        assertThat(deadlines.pending).containsOnlyKeys("later");
        assertThat(deadlines.asked).allSatisfy(now -> assertThat(now).isEqualTo(NOW));
        assertThat(sweeps()).isEqualTo(1);
    }

    @Test
    void passesOverWhatStaysPendingOrFailsAndTriesItAgainOnTheNextSweep() {
        deadlines.schedule("not-due", NOW.minusSeconds(2));
        deadlines.schedule("failing", NOW.minusSeconds(1));
        deadlines.schedule("fine", NOW);
        deadlines.notDue.add("not-due");
        deadlines.failing.add("failing");

        sweeper.sweepWithoutLock();

        assertThat(deadlines.tried).containsExactly("not-due", "failing", "fine");
        assertThat(deadlines.pending).containsOnlyKeys("not-due", "failing");

        deadlines.tried.clear();
        deadlines.failing.clear();
        sweeper.sweepWithoutLock();

        assertThat(deadlines.tried).containsExactly("not-due", "failing");
        assertThat(deadlines.pending).containsOnlyKeys("not-due");
        assertThat(sweeps()).isEqualTo(2);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailureIsLoggedByItsTypeWithoutItsMessage(CapturedOutput output) {
        deadlines.schedule("failing", NOW.minusSeconds(1));
        deadlines.failing.add("failing");

        sweeper.sweepWithoutLock();

        assertThat(output.getOut())
                .contains("Deadline failing not settled, retried on the next sweep: java.lang.IllegalStateException")
                .doesNotContain("Иванова", "112-233-445");
    }

    @Test
    void whileAnotherReplicaHoldsTheLockThisOneDoesNotSweep() {
        deadlines.schedule("d-1", NOW.minusSeconds(1));
        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(5),
                Duration.ZERO));
        assertThat(held).isPresent();

        sweeper.sweep();

        assertThat(deadlines.asked).isEmpty();
        assertThat(sweeps()).isZero();

        held.get().unlock();
        sweeper.sweep();

        assertThat(deadlines.tried).containsExactly("d-1");
        assertThat(sweeps()).isEqualTo(1);
    }

    @Test
    void aSweepReleasesTheLockWhenItEnds() {
        sweeper.sweep();
        sweeper.sweep();

        assertThat(sweeps()).isEqualTo(2);
        assertThat(locks.lock(new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(5), Duration.ZERO)))
                .isPresent();
    }

    private double sweeps() {
        Counter counter = meters.find(SWEEPS).counter();
        return counter == null ? 0 : counter.count();
    }

    private record Deadline(String id, Instant dueAt) {
    }

    /** Deadlines as a service would persist them, settled by an aggregate that may say "not yet" or fail. */
    private static final class Deadlines implements DueItems<Deadline> {

        final Map<String, Deadline> pending = new TreeMap<>();
        final Set<String> notDue = new HashSet<>();
        final Set<String> failing = new HashSet<>();
        final List<String> tried = new ArrayList<>();
        final List<Instant> asked = new ArrayList<>();

        void schedule(String id, Instant dueAt) {
            pending.put(id, new Deadline(id, dueAt));
        }

        @Override
        public List<Deadline> due(Instant now, Set<String> passOver, int batch) {
            asked.add(now);
            return pending.values().stream()
                    .filter(d -> !d.dueAt().isAfter(now) && !passOver.contains(d.id()))
                    .sorted((a, b) -> a.dueAt().compareTo(b.dueAt()))
                    .limit(batch).toList();
        }

        @Override
        public String id(Deadline deadline) {
            return deadline.id();
        }

        @Override
        public boolean settle(Deadline deadline, Instant now) {
            tried.add(deadline.id());
            if (failing.contains(deadline.id())) {
                throw new IllegalStateException("Иванова Анна Сергеевна, 112-233-445 95");
            }
            if (notDue.contains(deadline.id())) {
                return false;
            }
            pending.remove(deadline.id());
            return true;
        }
    }
}
