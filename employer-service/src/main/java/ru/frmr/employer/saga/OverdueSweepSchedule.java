package ru.frmr.employer.saga;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs this replica's sweeps with a fixed pause between them, from when the application has started (Axon
 * included) until it stops, unless {@code frmr.employer.discrepancies.sweep-enabled} is false; a failed sweep is
 * logged and the next one tries again.
 */
class OverdueSweepSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweepSchedule.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final OverdueSweeper sweeper;
    private final boolean enabled;
    private final long intervalMillis;
    private ScheduledExecutorService executor;

    OverdueSweepSchedule(OverdueSweeper sweeper, DiscrepancyProperties properties) {
        this.sweeper = sweeper;
        this.enabled = properties.sweepEnabled();
        this.intervalMillis = properties.sweepInterval().toMillis();
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "discrepancy-overdue-sweep");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            sweeper.sweep();
        } catch (RuntimeException e) {
            // An exception would end the schedule for good; the next sweep tries again instead.
            log.warn("Discrepancy overdue sweep failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
