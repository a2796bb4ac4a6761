package ru.frmr.kit.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a {@link DeadlineSweeper} needs from its service: the persisted deadlines that are due, and settling one.
 *
 * @param <T> one due item as stored (a deadline, a notice)
 */
public interface DueItems<T> {

    /** At most {@code batch} items due at {@code now}, none of those whose {@link #id} is in {@code passOver}. */
    List<T> due(Instant now, Set<String> passOver, int batch);

    /** The item's id, as {@link #due} passes it over. */
    String id(T item);

    /**
     * Settles the item, by a command to its aggregate (which settles it once whoever asks), and records that it
     * is settled. An exception means it could not be settled now: the sweep passes it over and logs it.
     *
     * @return false when the item stays pending (its aggregate finds it not due yet)
     */
    boolean settle(T item, Instant now);
}
