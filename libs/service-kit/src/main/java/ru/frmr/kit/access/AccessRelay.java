package ru.frmr.kit.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.apache.kafka.clients.producer.Producer;

import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * Publishes the {@link AccessOutbox} to {@code frmr.access.events}, oldest first, each record removed only after
 * Kafka acknowledged it ({@code acks=all}); a failed send stops the sweep and the next one starts again from that
 * record. The CloudEvents id is the access id, so a record sent twice (a crash between the send and the removal)
 * is dropped by consumers. Replicas take turns by a ShedLock lock; the sweep is correct without it.
 */
public class AccessRelay {

    static final String LOCK_NAME = "access-relay";
    static final String PUBLISHED = "frmr.access.relay.published";
    static final String FAILURES = "frmr.access.relay.failures";
    static final String PENDING = "frmr.access.outbox.pending";
    private static final int BATCH = 200;

    private final AccessOutbox outbox;
    private final Producer<String, byte[]> producer;
    private final URI source;
    private final Duration sendTimeout;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final MeterRegistry meters;

    public AccessRelay(AccessOutbox outbox, Producer<String, byte[]> producer, URI source, Duration sendTimeout,
                       LockProvider lockProvider, Duration lockAtMostFor, MeterRegistry meters) {
        this.outbox = outbox;
        this.producer = producer;
        this.source = source;
        this.sendTimeout = sendTimeout;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
        this.meters = meters;
    }

    /** One sweep, unless another replica is sweeping right now. */
    public void sweep() {
        locks.executeWithLock((Runnable) this::sweepWithoutLock,
                new LockConfiguration(ClockProvider.now(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
    }

    /** Publishes until the outbox is empty or a send fails (then throws; the schedule logs it and retries). */
    public void sweepWithoutLock() {
        EventDescriptor descriptor = EventCatalog.of(PersonalDataAccessed.class);
        List<PersonalDataAccessed> batch;
        while (!(batch = outbox.oldest(BATCH)).isEmpty()) {
            for (PersonalDataAccessed event : batch) {
                var cloudEvent = CloudEventRecords.cloudEvent(event.accessId(), source, descriptor, event,
                        event.occurredAt(), Map.of());
                try {
                    producer.send(CloudEventRecords.record(descriptor.topic(), cloudEvent))
                            .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    meters.counter(FAILURES).increment();
                    throw new IllegalStateException("Kafka did not take access record " + event.accessId(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while publishing access records", e);
                }
                outbox.remove(event.accessId());
                meters.counter(PUBLISHED).increment();
            }
        }
    }
}
