package ru.frmr.kit.axon;

import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command that lost an optimistic-concurrency race on the event store, and nothing else. Axon's
 * predicate-based configuration cannot say this: it also tests the predicate against every cause of the
 * failure, and the event store's {@link ConcurrencyException} always carries the driver's duplicate-key error
 * as its cause, so "non-transient unless a ConcurrencyException" never retried anything. This one judges the
 * failure itself.
 */
public class ConcurrencyRetryScheduler extends IntervalRetryScheduler {

    protected ConcurrencyRetryScheduler(Builder builder) {
        super(builder);
    }

    public static ConcurrencyRetryScheduler create(ScheduledExecutorService executor, int intervalMillis,
                                                   int maxRetries) {
        return new ConcurrencyRetryScheduler(IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .retryInterval(intervalMillis)
                .maxRetryCount(maxRetries));
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !(failure instanceof ConcurrencyException);
    }
}
