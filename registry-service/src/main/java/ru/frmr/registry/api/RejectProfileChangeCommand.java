package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A registry administrator turns a pending change down, saying why. */
public record RejectProfileChangeCommand(@TargetAggregateIdentifier String workerId, String changeId, String reason,
                                         String rejectedBy, Instant rejectedAt) {
}
