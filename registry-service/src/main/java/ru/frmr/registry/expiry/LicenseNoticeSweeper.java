package ru.frmr.registry.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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

import ru.frmr.registry.api.IssueLicenseNoticeCommand;
import ru.frmr.registry.api.LicenseNoticeOutcome;

/**
 * Sends the record the notices that are due and marks what it answered. Any number of replicas may sweep:
 * the record issues each notice once whoever asks ({@code LicenseNoticeRules}); the lock only spares the
 * others the work while one sweeps. A crash between the command and the mark re-sends the command on the
 * next sweep, and the record answers {@link LicenseNoticeOutcome#ALREADY_ISSUED}.
 */
public class LicenseNoticeSweeper {

    static final String LOCK_NAME = "license-expiry-sweep";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(LicenseNoticeSweeper.class);

    private final LicenseNotices notices;
    private final CommandGateway commands;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final MeterRegistry meters;

    LicenseNoticeSweeper(LicenseNotices notices, CommandGateway commands, Clock clock, LockProvider lockProvider,
                         Duration lockAtMostFor, MeterRegistry meters) {
        this.notices = notices;
        this.commands = commands;
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
        this.meters = meters;
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        locks.executeWithLock((Runnable) this::issueDueNotices,
                new LockConfiguration(ClockProvider.now(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
    }

    /** One sweep, without the lock: correct on its own, however many run at once. */
    void issueDueNotices() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ExpirySchedule.REGISTRY_ZONE);
        // Notices left pending (not due yet for the record, or failed) are passed over until the next sweep.
        Set<String> passOver = new HashSet<>();
        List<LicenseNotice> batch;
        while (!(batch = notices.due(today, passOver, BATCH)).isEmpty()) {
            for (LicenseNotice notice : batch) {
                if (!settle(notice, today)) {
                    passOver.add(notice.id());
                }
            }
        }
        meters.counter("frmr.registry.expiry.sweeps").increment();
    }

    /** @return false when the notice stays pending */
    private boolean settle(LicenseNotice notice, LocalDate today) {
        if (notice.threshold().supersededOn(LocalDate.parse(notice.endDate()), today)) {
            notices.markSkipped(notice.id());
            count(LicenseNoticeOutcome.SUPERSEDED);
            return true;
        }
        try {
            LicenseNoticeOutcome outcome = commands.sendAndWait(new IssueLicenseNoticeCommand(notice.workerId(),
                    notice.entryId(), notice.threshold(), LocalDate.parse(notice.endDate()), today));
            count(outcome);
            switch (outcome) {
                case ISSUED, ALREADY_ISSUED -> notices.markIssued(notice.id());
                case NOT_DUE -> {
                    return false;
                }
                case NOT_IN_RECORD, RENEWED, SUPERSEDED -> notices.markSkipped(notice.id());
            }
            if (outcome == LicenseNoticeOutcome.ISSUED) {
                log.info("Licence notice {} issued", notice.id());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Licence notice {} not issued, retried on the next sweep: {}", notice.id(), e.toString());
            return false;
        }
    }

    private void count(LicenseNoticeOutcome outcome) {
        meters.counter("frmr.registry.expiry.notices", "outcome", outcome.name()).increment();
    }
}
