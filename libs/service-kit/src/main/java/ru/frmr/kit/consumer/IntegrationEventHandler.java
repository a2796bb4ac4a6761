package ru.frmr.kit.consumer;

import java.util.Collection;

/**
 * A service's handling of integration events from Kafka. The kit delivers each event id to
 * {@link #handle} once per consumer name: duplicates on the wire are filtered out by a
 * processed-event record. Because marking happens after handling (there are no Mongo transactions
 * here), a crash between the two re-delivers: the handler's own writes must also be keyed by the
 * event id, so a re-delivered event changes nothing.
 */
public interface IntegrationEventHandler {

    /** Stable name: the Kafka consumer group suffix and the key of processed-event records. */
    String consumerName();

    Collection<String> topics();

    /**
     * @throws PoisonEventException when the event can never be processed; it goes to the
     *                              dead-letter topic at once. Any other exception is retried with back-off
     *                              first.
     */
    void handle(ReceivedEvent event);

    /**
     * True when {@link #handle} is itself idempotent by event id (e.g. its write has a unique key on it):
     * the kit then keeps no processed-event record for this consumer, saving a read and a write per event.
     */
    default boolean deduplicatesByEventId() {
        return false;
    }
}
