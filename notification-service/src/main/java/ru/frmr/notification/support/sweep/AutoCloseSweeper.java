package ru.frmr.notification.support.sweep;

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

import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;
import ru.frmr.notification.support.api.AutoCloseSupportRequestCommand;
import ru.frmr.notification.support.api.SweepOutcome;
import ru.frmr.notification.support.query.SupportRequestView;
import ru.frmr.notification.support.query.SupportRequests;

/**
 * Closes the requests answered 14 days ago and not reopened ({@link DeadlineSweeper}). The request decides: one
 * reopened meanwhile answers {@link SweepOutcome#SETTLED} and stays open; the view follows its events.
 */
public class AutoCloseSweeper implements DueItems<SupportRequestView> {

    public static final String LOCK_NAME = "support-auto-close-sweep";
    private static final Logger log = LoggerFactory.getLogger(AutoCloseSweeper.class);

    private final SupportRequests requests;
    private final CommandGateway commands;
    private final DeadlineSweeper<SupportRequestView> sweeper;

    public AutoCloseSweeper(SupportRequests requests, CommandGateway commands, Clock clock, LockProvider lockProvider,
                            Duration lockAtMostFor, MeterRegistry meters) {
        this.requests = requests;
        this.commands = commands;
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Support request {} not closed after its answer",
                "frmr.support.auto_close_sweeps", clock, lockProvider, lockAtMostFor, meters);
    }

    public void sweep() {
        sweeper.sweep();
    }

    @Override
    public List<SupportRequestView> due(Instant now, Set<String> passOver, int batch) {
        return requests.dueToClose(now, passOver, batch);
    }

    @Override
    public String id(SupportRequestView request) {
        return request.id();
    }

    /** Always passed over for the rest of the sweep: the view changes only once the close event is projected. */
    @Override
    public boolean settle(SupportRequestView request, Instant now) {
        SweepOutcome outcome = commands.sendAndWait(new AutoCloseSupportRequestCommand(request.id(), now));
        if (outcome == SweepOutcome.DONE) {
            log.info("Support request {} closed 14 days after its answer", request.id());
        }
        return false;
    }
}
