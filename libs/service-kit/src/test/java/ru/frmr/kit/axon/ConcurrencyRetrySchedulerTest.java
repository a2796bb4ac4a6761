package ru.frmr.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrencyRetryScheduler scheduler = ConcurrencyRetryScheduler.create(executor, 10, 3);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void retriesALostRaceEvenThoughTheStoreErrorIsItsCause() throws Exception {
        // As the Mongo event store reports it: the duplicate-key error of the unique (aggregate, sequence) index.
        ConcurrencyException lostRace = new ConcurrencyException("An event at sequence [3] was already inserted",
                new IllegalStateException("E11000 duplicate key error"));
        CountDownLatch retried = new CountDownLatch(1);

        boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"), lostRace,
                List.of(), retried::countDown);

        assertThat(scheduled).isTrue();
        assertThat(retried.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void doesNotRetryAnyOtherFailure() {
        boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new IllegalArgumentException("entry.endDate must be after the exam date"), List.of(), () -> { });

        assertThat(scheduled).isFalse();
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        ConcurrencyException lostRace = new ConcurrencyException("lost again", new IllegalStateException("E11000"));
        List<Class<? extends Throwable>[]> failures = List.of(chain(), chain(), chain(), chain());

        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"), lostRace, failures,
                () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] chain() {
        return new Class[] {ConcurrencyException.class};
    }
}
