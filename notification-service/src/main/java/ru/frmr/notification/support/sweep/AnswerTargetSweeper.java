package ru.frmr.notification.support.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;
import ru.frmr.notification.support.api.MarkAnswerOverdueCommand;
import ru.frmr.notification.support.api.SweepOutcome;
import ru.frmr.notification.support.query.SupportRequestView;
import ru.frmr.notification.support.query.SupportRequests;

/**
 * Marks the open requests whose 24-hour answer target passed unanswered ({@link DeadlineSweeper}) and counts each
 * breach once: only the command that marks the request answers {@link SweepOutcome#DONE}, whichever replica asks.
 */
public class AnswerTargetSweeper implements DueItems<SupportRequestView> {

    public static final String LOCK_NAME = "support-answer-target-sweep";
    /** {@code frmr_support_answer_target_breaches_total} in Prometheus. */
    public static final String BREACHES = "frmr.support.answer_target_breaches";
    private static final Logger log = LoggerFactory.getLogger(AnswerTargetSweeper.class);

    private final SupportRequests requests;
    private final CommandGateway commands;
    private final Counter breaches;
    private final DeadlineSweeper<SupportRequestView> sweeper;

    public AnswerTargetSweeper(SupportRequests requests, CommandGateway commands, Clock clock,
                               LockProvider lockProvider, Duration lockAtMostFor, MeterRegistry meters) {
        this.requests = requests;
        this.commands = commands;
        this.breaches = meters.counter(BREACHES);
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Support request {} not checked for its answer target",
                "frmr.support.answer_target_sweeps", clock, lockProvider, lockAtMostFor, meters);
    }

    public void sweep() {
        sweeper.sweep();
    }

    @Override
    public List<SupportRequestView> due(Instant now, Set<String> passOver, int batch) {
        return requests.answerOverdue(now, passOver, batch);
    }

    @Override
    public String id(SupportRequestView request) {
        return request.id();
    }

    @Override
    public boolean settle(SupportRequestView request, Instant now) {
        SweepOutcome outcome = commands.sendAndWait(new MarkAnswerOverdueCommand(request.id(), now));
        if (outcome == SweepOutcome.NOT_DUE) {
            return false;
        }
        requests.settleOverdue(request.id());
        if (outcome == SweepOutcome.DONE) {
            breaches.increment();
            log.info("Support request {} missed its answer target", request.id());
        }
        return true;
    }
}
