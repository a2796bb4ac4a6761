package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: a moderator turned a change down; the record stays as it was. */
@Revision("1")
public record ProfileChangeRejectedEvent(String workerId, String changeId, ChangeKind kind, RecordSection section,
                                         String entryId, String reason, String rejectedBy, Instant rejectedAt) {
}
