package ru.frmr.kit.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param threshold after how many events sourced or applied in one load an aggregate that opted in
 *                  ({@link AggregateSnapshots#TRIGGER}) is snapshotted; loading then reads at most about this many
 *                  events after the snapshot
 */
@ConfigurationProperties("frmr.axon.snapshots")
public record SnapshotProperties(Integer threshold) {

    public SnapshotProperties {
        threshold = threshold == null ? 100 : threshold;
        if (threshold < 1) {
            throw new IllegalArgumentException("frmr.axon.snapshots.threshold must be at least 1");
        }
    }
}
