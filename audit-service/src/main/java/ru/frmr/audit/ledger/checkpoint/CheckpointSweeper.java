package ru.frmr.audit.ledger.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.audit.ledger.tree.TreeBuilder;
import ru.frmr.audit.ledger.tree.TreeProofs;
import ru.frmr.kit.deadline.DeadlineSweeper;

/**
 * One sweep, by one replica at a time (ShedLock): grows the tree to the ledger's end, signs a checkpoint when the
 * tree grew by {@code everyEntries} since the last one, or grew at all and {@code every} passed, then publishes the
 * checkpoints Kafka has not acknowledged ({@link CheckpointPublisher} through the kit's {@link DeadlineSweeper}).
 * Without the lock it would still be correct: a checkpoint is stored once per tree size and the same size gives the
 * same note; the lock spares the replicas duplicate work and duplicate sends.
 */
public class CheckpointSweeper {

    static final String LOCK_NAME = "audit-checkpoints";
    private static final Logger log = LoggerFactory.getLogger(CheckpointSweeper.class);

    private final TreeBuilder builder;
    private final TreeProofs tree;
    private final Checkpoints checkpoints;
    private final NoteSigner signer;
    private final CheckpointProperties settings;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final DeadlineSweeper<StoredCheckpoint> publisher;

    CheckpointSweeper(TreeBuilder builder, TreeProofs tree, Checkpoints checkpoints, NoteSigner signer,
                      CheckpointPublisher publisher, CheckpointProperties settings, Clock clock,
                      LockProvider lockProvider, MeterRegistry meters) {
        this.builder = builder;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.publisher = new DeadlineSweeper<>(LOCK_NAME, publisher, "Audit checkpoint {} not published",
                "frmr.audit.checkpoint_sweeps", clock, lockProvider, settings.lockAtMostFor(), meters);
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        // The lock's times are ShedLock's wall clock, not the injected one: the replicas compare them.
        locks.executeWithLock((Runnable) this::sweepWithoutLock,
                new LockConfiguration(ClockProvider.now(), LOCK_NAME, settings.lockAtMostFor(), Duration.ZERO));
    }

    /** One sweep without the lock: correct on its own, however many run at once. */
    public void sweepWithoutLock() {
        builder.extend();
        checkpointIfDue(clock.instant());
        publisher.sweepWithoutLock();
    }

    /** @return the new checkpoint, if one was due */
    Optional<StoredCheckpoint> checkpointIfDue(Instant now) {
        long size = tree.size();
        if (size == 0) {
            return Optional.empty();
        }
        Optional<StoredCheckpoint> latest = checkpoints.latest();
        if (latest.isPresent() && !due(latest.get(), size, now)) {
            return Optional.empty();
        }
        StoredCheckpoint checkpoint = make(size, now);
        checkpoints.add(checkpoint);
        log.info("Audit checkpoint at tree size {}", size);
        return Optional.of(checkpoint);
    }

    private boolean due(StoredCheckpoint latest, long size, Instant now) {
        long grown = size - latest.treeSize();
        return grown >= settings.everyEntries()
                || grown > 0 && !now.isBefore(latest.createdAt().plus(settings.every()));
    }

    StoredCheckpoint make(long size, Instant now) {
        byte[] root = tree.root(size);
        String note = signer.sign(StoredCheckpoint.text(settings.origin(), size, root));
        return new StoredCheckpoint(size, root, note, now);
    }
}
