package ru.frmr.kit.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the persisted deadlines that are due, batch by batch. Any number of replicas may sweep: the aggregate
 * settles each item once whoever asks, so exactly-once is the aggregate's; the lock (ShedLock, one document per
 * lock name) only spares the others the work while one sweeps. A crash between the command and the record of
 * its answer re-sends the command on the next sweep, which changes nothing.
 *
 * @param <T> one due item as stored
 */
public final class DeadlineSweeper<T> {

    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final String lockName;
    private final DueItems<T> items;
    private final String notSettled;
    private final String sweepsCounter;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final MeterRegistry meters;

    /**
     * @param lockName      the lock's name, the same on every replica
     * @param items         the service's deadlines
     * @param notSettled    the warning for an item that failed, with one {@code {}} for its id
     *                      ({@code "Licence notice {} not issued"})
     * @param sweepsCounter the counter of sweeps done
     * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
     */
    public DeadlineSweeper(String lockName, DueItems<T> items, String notSettled, String sweepsCounter, Clock clock,
                           LockProvider lockProvider, Duration lockAtMostFor, MeterRegistry meters) {
        this.lockName = lockName;
        this.items = items;
        this.notSettled = notSettled;
        this.sweepsCounter = sweepsCounter;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
        this.meters = meters;
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        // The lock's times are ShedLock's wall clock, not the injected one: the replicas compare them.
        locks.executeWithLock((Runnable) this::sweepWithoutLock,
                new LockConfiguration(ClockProvider.now(), lockName, lockAtMostFor, Duration.ZERO));
    }

    /** One sweep, without the lock: correct on its own, however many run at once. */
    public void sweepWithoutLock() {
        Instant now = clock.instant();
        // Items left pending (not due yet for their aggregate, or failed) are passed over until the next sweep.
        Set<String> passOver = new HashSet<>();
        List<T> batch;
        while (!(batch = items.due(now, passOver, BATCH)).isEmpty()) {
            for (T item : batch) {
                if (!settle(item, now)) {
                    passOver.add(items.id(item));
                }
            }
        }
        meters.counter(sweepsCounter).increment();
    }

    /** @return false when the item stays pending */
    private boolean settle(T item, Instant now) {
        try {
            return items.settle(item, now);
        } catch (RuntimeException e) {
            // By the exception's type: its message may hold anything.
            log.warn(notSettled + ", retried on the next sweep: {}", items.id(item), e.getClass().getName());
            return false;
        }
    }
}
