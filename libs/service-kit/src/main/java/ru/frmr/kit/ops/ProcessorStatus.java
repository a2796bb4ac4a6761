package ru.frmr.kit.ops;

import java.time.Instant;
import java.util.List;

/**
 * A streaming (tracking) event processor as this instance sees it.
 *
 * @param running       whether it runs on this instance
 * @param error         whether it stopped on an error and is retrying
 * @param caughtUp      whether every segment this instance holds has processed every stored event: after a replay,
 *                      the read model is rebuilt once this is true
 * @param replaying     whether any segment it holds still counts as replaying since its last reset. Axon clears this
 *                      only when an event newer than the reset arrives, so it may stay true after a rebuild completes
 * @param replayable    whether {@code POST .../projections/{name}/replay} may reset it
 * @param notReplayable why not, when it may not
 * @param segments      the segments this instance holds; another instance may hold the others
 */
public record ProcessorStatus(String name, boolean running, boolean error, boolean caughtUp, boolean replaying,
                              boolean replayable, String notReplayable, List<Segment> segments) {

    /**
     * @param position time of the last event the segment processed (the Mongo event store tracks by event time);
     *                 null before the first
     */
    public record Segment(int segment, boolean caughtUp, boolean replaying, boolean error, Instant position) {
    }
}
