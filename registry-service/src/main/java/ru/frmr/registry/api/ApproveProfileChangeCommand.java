package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A registry administrator accepts a pending change into the record. */
public record ApproveProfileChangeCommand(@TargetAggregateIdentifier String workerId, String changeId,
                                          String approvedBy, Instant approvedAt) {
}
