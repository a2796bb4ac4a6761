package ru.frmr.registry.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.kit.deadline.DeadlineSweeper;
import ru.frmr.kit.deadline.DueItems;
import ru.frmr.registry.api.IssueLicenseNoticeCommand;
import ru.frmr.registry.api.LicenseNoticeOutcome;

/**
 * Sends the record the notices that are due and marks what it answered ({@link DeadlineSweeper}). The record
 * issues each notice once whoever asks ({@code LicenseNoticeRules}): a re-sent command is answered
 * {@link LicenseNoticeOutcome#ALREADY_ISSUED}.
 */
public class LicenseNoticeSweeper implements DueItems<LicenseNotice> {

    static final String LOCK_NAME = "license-expiry-sweep";
    static final String NOTICES = "frmr.registry.expiry.notices";
    private static final Logger log = LoggerFactory.getLogger(LicenseNoticeSweeper.class);

    private final LicenseNotices notices;
    private final CommandGateway commands;
    private final MeterRegistry meters;
    private final DeadlineSweeper<LicenseNotice> sweeper;

    LicenseNoticeSweeper(LicenseNotices notices, CommandGateway commands, Clock clock, LockProvider lockProvider,
                         Duration lockAtMostFor, MeterRegistry meters) {
        this.notices = notices;
        this.commands = commands;
        this.meters = meters;
        // At 0 from startup for every outcome, so that increase() has series before the first notice.
        for (LicenseNoticeOutcome outcome : LicenseNoticeOutcome.values()) {
            meters.counter(NOTICES, "outcome", outcome.name());
        }
        this.sweeper = new DeadlineSweeper<>(LOCK_NAME, this, "Licence notice {} not issued",
                "frmr.registry.expiry.sweeps", clock, lockProvider, lockAtMostFor, meters);
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        sweeper.sweep();
    }

    /** One sweep, without the lock: correct on its own, however many run at once. */
    void issueDueNotices() {
        sweeper.sweepWithoutLock();
    }

    @Override
    public List<LicenseNotice> due(Instant now, Set<String> passOver, int batch) {
        return notices.due(today(now), passOver, batch);
    }

    @Override
    public String id(LicenseNotice notice) {
        return notice.id();
    }

    /** @return false when the notice stays pending */
    @Override
    public boolean settle(LicenseNotice notice, Instant now) {
        LocalDate today = today(now);
        if (notice.threshold().supersededOn(LocalDate.parse(notice.endDate()), today)) {
            notices.markSkipped(notice.id());
            count(LicenseNoticeOutcome.SUPERSEDED);
            return true;
        }
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
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ExpirySchedule.REGISTRY_ZONE);
    }

    private void count(LicenseNoticeOutcome outcome) {
        meters.counter(NOTICES, "outcome", outcome.name()).increment();
    }
}
