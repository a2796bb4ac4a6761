package ru.frmr.kit.deadline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs one of this replica's sweeps with a fixed pause between them, from when the application has started (Axon
 * included) until it stops, unless its {@code sweep-enabled} setting is false; a failed sweep is logged by its
 * exception's type (its message may hold anything) and the next one tries again.
 */
public class SweepSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final String name;
    private final Runnable sweep;
    private final boolean enabled;
    private final long intervalMillis;
    private final long initialDelayMillis;
    private ScheduledExecutorService executor;

    /** @param name the sweep's thread name, and its name in the log */
    public SweepSchedule(String name, Runnable sweep, boolean enabled, Duration interval) {
        this(name, sweep, enabled, interval, interval);
    }

    /** @param initialDelay the first sweep after start, where waiting a whole interval would be too long */
    public SweepSchedule(String name, Runnable sweep, boolean enabled, Duration interval, Duration initialDelay) {
        this.name = name;
        this.sweep = sweep;
        this.enabled = enabled;
        this.intervalMillis = interval.toMillis();
        this.initialDelayMillis = initialDelay.toMillis();
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweep, initialDelayMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            // An exception would end the schedule for good; the next sweep tries again instead.
            log.warn("Sweep {} failed: {}", name, e.getClass().getName());
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
