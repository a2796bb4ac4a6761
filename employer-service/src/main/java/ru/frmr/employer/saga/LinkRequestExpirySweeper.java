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

import ru.frmr.employer.api.ExpireLinkRequestCommand;
import ru.frmr.employer.api.ExpiryOutcome;
import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;

/**
 * Expires link requests whose deadline has passed ({@link DeadlineSweeper}). The membership expires a request once
 * whoever asks: {@code ExpireLinkRequestCommand} answers {@link ExpiryOutcome#ALREADY_SETTLED} the second time.
 */
public class LinkRequestExpirySweeper implements DueItems<LinkRequestDeadline> {

    static final String LOCK_NAME = "link-request-expiry-sweep";
    static final String EXPIRY_METER = "frmr.employer.link_requests.expiry";
    private static final Logger log = LoggerFactory.getLogger(LinkRequestExpirySweeper.class);

    private final LinkRequestDeadlines deadlines;
    private final CommandGateway commands;
    private final MeterRegistry meters;
    private final DeadlineSweeper<LinkRequestDeadline> sweeper;

    LinkRequestExpirySweeper(LinkRequestDeadlines deadlines, CommandGateway commands, Clock clock,
                             LockProvider lockProvider, Duration lockAtMostFor, MeterRegistry meters) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.meters = meters;
        // At 0 from startup for every outcome, so that increase() has series before the first deadline passes.
        for (ExpiryOutcome outcome : ExpiryOutcome.values()) {
            meters.counter(EXPIRY_METER, "outcome", outcome.name());
        }
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Link request {} not expired",
                "frmr.employer.link_requests.sweeps", clock, lockProvider, lockAtMostFor, meters);
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        sweeper.sweep();
    }

    /** One sweep, without the lock: correct on its own, however many run at once. */
    void expireDueRequests() {
        sweeper.sweepWithoutLock();
    }

    @Override
    public List<LinkRequestDeadline> due(Instant now, Set<String> passOver, int batch) {
        return deadlines.due(now, passOver, batch);
    }

    @Override
    public String id(LinkRequestDeadline deadline) {
        return deadline.requestId();
    }

    /** @return false when the deadline stays for a later sweep */
    @Override
    public boolean settle(LinkRequestDeadline deadline, Instant now) {
        ExpiryOutcome outcome = commands.sendAndWait(new ExpireLinkRequestCommand(deadline.membershipId(),
                deadline.requestId(), now));
        meters.counter(EXPIRY_METER, "outcome", outcome.name()).increment();
        if (outcome == ExpiryOutcome.NOT_DUE) {
            return false;
        }
        deadlines.settle(deadline.requestId());
        if (outcome == ExpiryOutcome.EXPIRED) {
            log.info("Link request {} expired", deadline.requestId());
        }
        return true;
    }
}
