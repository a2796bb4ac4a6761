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

import ru.frmr.employer.api.ExpireLinkRequestCommand;
import ru.frmr.employer.api.ExpiryOutcome;

/**
 * Expires link requests whose deadline has passed. Any number of replicas may sweep: the membership expires a
 * request once whoever asks ({@code ExpireLinkRequestCommand} answers {@link ExpiryOutcome#ALREADY_SETTLED} the
 * second time); the lock only spares the others the work while one sweeps. A crash between the command and the
 * mark re-sends the command on the next sweep, which changes nothing.
 */
public class LinkRequestExpirySweeper {

    static final String LOCK_NAME = "link-request-expiry-sweep";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(LinkRequestExpirySweeper.class);

    private final LinkRequestDeadlines deadlines;
    private final CommandGateway commands;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final MeterRegistry meters;

    LinkRequestExpirySweeper(LinkRequestDeadlines deadlines, CommandGateway commands, Clock clock,
                             LockProvider lockProvider, Duration lockAtMostFor, MeterRegistry meters) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
        this.meters = meters;
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        locks.executeWithLock((Runnable) this::expireDueRequests,
                new LockConfiguration(ClockProvider.now(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
    }

    /** One sweep, without the lock: correct on its own, however many run at once. */
    void expireDueRequests() {
        Instant now = clock.instant();
        Set<String> passOver = new HashSet<>();
        List<LinkRequestDeadline> batch;
        while (!(batch = deadlines.due(now, passOver, BATCH)).isEmpty()) {
            for (LinkRequestDeadline deadline : batch) {
                if (!settle(deadline, now)) {
                    passOver.add(deadline.requestId());
                }
            }
        }
        meters.counter("frmr.employer.link_requests.sweeps").increment();
    }

    /** @return false when the deadline stays for a later sweep */
    private boolean settle(LinkRequestDeadline deadline, Instant now) {
        try {
            ExpiryOutcome outcome = commands.sendAndWait(new ExpireLinkRequestCommand(deadline.membershipId(),
                    deadline.requestId(), now));
            meters.counter("frmr.employer.link_requests.expiry", "outcome", outcome.name()).increment();
            if (outcome == ExpiryOutcome.NOT_DUE) {
                return false;
            }
            deadlines.settle(deadline.requestId());
            if (outcome == ExpiryOutcome.EXPIRED) {
                log.info("Link request {} expired", deadline.requestId());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Link request {} not expired, retried on the next sweep: {}", deadline.requestId(),
                    e.getClass().getName());
            return false;
        }
    }
}
