package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A worker proposes a change of their record; it waits for moderation.
 *
 * @param entryId     the entry added (a new id) or the approved entry corrected or removed
 * @param entry       the entry's new content; null for {@link ChangeKind#REMOVE}
 * @param submittedBy the actor ({@code account:<id>})
 * @param submittedAt also "today" for the date rules, so the aggregate needs no clock
 */
public record SubmitProfileChangeCommand(@TargetAggregateIdentifier String workerId, String changeId, ChangeKind kind,
                                         String entryId, RecordEntry entry, String submittedBy,
                                         Instant submittedAt) {
}
