package ru.frmr.employer.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.employer.api.MarkDiscrepancyOverdueCommand;
import ru.frmr.employer.api.OverdueOutcome;
import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;

/**
 * Tells each discrepancy whose answer deadline has passed that it has, and settles the deadline
 * ({@link DeadlineSweeper}). The discrepancy escalates once whoever asks ({@code Discrepancy}): a re-sent command is
 * answered {@link OverdueOutcome#ALREADY_OVERDUE}.
 */
public class OverdueSweeper implements DueItems<AnswerDeadline> {

    static final String LOCK_NAME = "discrepancy-overdue-sweep";
    static final String OVERDUE_METER = "frmr.employer.discrepancies.overdue";
    private static final Logger log = LoggerFactory.getLogger(OverdueSweeper.class);

    private final AnswerDeadlines deadlines;
    private final CommandGateway commands;
    private final MeterRegistry meters;
    private final DeadlineSweeper<AnswerDeadline> sweeper;

    OverdueSweeper(AnswerDeadlines deadlines, CommandGateway commands, Clock clock, LockProvider lockProvider,
                   Duration lockAtMostFor, MeterRegistry meters) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.meters = meters;
        // At 0 from startup for every outcome, so that increase() has series before the first deadline passes.
        for (OverdueOutcome outcome : OverdueOutcome.values()) {
            meters.counter(OVERDUE_METER, "outcome", outcome.name());
        }
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Discrepancy {} not checked for being overdue",
                "frmr.employer.discrepancies.sweeps", clock, lockProvider, lockAtMostFor, meters);
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        sweeper.sweep();
    }

    /** One sweep, without the lock: correct on its own, however many run at once. */
    public void escalateOverdue() {
        sweeper.sweepWithoutLock();
    }

    @Override
    public List<AnswerDeadline> due(Instant now, Set<String> passOver, int batch) {
        return deadlines.due(now, passOver, batch);
    }

    @Override
    public String id(AnswerDeadline deadline) {
        return deadline.id();
    }

    /** @return false when the deadline stays unsettled */
    @Override
    public boolean settle(AnswerDeadline deadline, Instant now) {
        OverdueOutcome outcome = commands.sendAndWait(new MarkDiscrepancyOverdueCommand(deadline.id(), now));
        meters.counter(OVERDUE_METER, "outcome", outcome.name()).increment();
        if (outcome == OverdueOutcome.NOT_DUE) {
            return false;
        }
        deadlines.settle(deadline.id());
        if (outcome == OverdueOutcome.OVERDUE) {
            log.info("Discrepancy {} overdue, escalated", deadline.id());
        }
        return true;
    }
}
