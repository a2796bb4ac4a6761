package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: a change of the record awaits moderation. {@code entry} is null for a removal. */
@Revision("1")
public record ProfileChangeSubmittedEvent(String workerId, String changeId, ChangeKind kind, RecordSection section,
                                          String entryId, RecordEntry entry, String submittedBy,
                                          Instant submittedAt) {
}
