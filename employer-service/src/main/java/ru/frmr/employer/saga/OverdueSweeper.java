package ru.frmr.employer.saga;

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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.employer.api.MarkDiscrepancyOverdueCommand;
import ru.frmr.employer.api.OverdueOutcome;

/**
 * Tells each discrepancy whose answer deadline has passed that it has, and settles the deadline. Any number of
 * replicas may sweep: the discrepancy escalates once whoever asks ({@code Discrepancy}); the lock only spares
 * the others the work while one sweeps. A crash between the command and the settling re-sends the command on
 * the next sweep, and the discrepancy answers {@link OverdueOutcome#ALREADY_OVERDUE}.
 */
public class OverdueSweeper {

    static final String LOCK_NAME = "discrepancy-overdue-sweep";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(OverdueSweeper.class);

    private final AnswerDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final MeterRegistry meters;

    OverdueSweeper(AnswerDeadlines deadlines, CommandGateway commands, Clock clock, LockProvider lockProvider,
                   Duration lockAtMostFor, MeterRegistry meters) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
        this.meters = meters;
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        locks.executeWithLock((Runnable) this::escalateOverdue,
                new LockConfiguration(ClockProvider.now(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
    }

    /** One sweep, without the lock: correct on its own, however many run at once. */
    public void escalateOverdue() {
        Instant now = clock.instant();
        // Deadlines left unsettled (not due for the discrepancy, or failed) are passed over until the next sweep.
        Set<String> passOver = new HashSet<>();
        List<AnswerDeadline> batch;
        while (!(batch = deadlines.due(now, passOver, BATCH)).isEmpty()) {
            for (AnswerDeadline deadline : batch) {
                if (!settle(deadline, now)) {
                    passOver.add(deadline.id());
                }
            }
        }
        meters.counter("frmr.employer.discrepancies.sweeps").increment();
    }

    /** @return false when the deadline stays unsettled */
    private boolean settle(AnswerDeadline deadline, Instant now) {
        try {
            OverdueOutcome outcome = commands.sendAndWait(new MarkDiscrepancyOverdueCommand(deadline.id(), now));
            meters.counter("frmr.employer.discrepancies.overdue", "outcome", outcome.name()).increment();
            if (outcome == OverdueOutcome.NOT_DUE) {
                return false;
            }
            deadlines.settle(deadline.id());
            if (outcome == OverdueOutcome.OVERDUE) {
                log.info("Discrepancy {} overdue, escalated", deadline.id());
            }
            return true;
        } catch (RuntimeException e) {
            // By the exception's type: its message may hold anything.
            log.warn("Discrepancy {} not checked for being overdue, retried on the next sweep: {}", deadline.id(),
                    e.getClass().getName());
            return false;
        }
    }
}
