package ru.frmr.registry.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: a change is now part of the record. Repeats the change's content so that read models
 * need no other event to apply it.
 *
 * @param profileVersion the profile's version after this change
 */
@Revision("1")
public record ProfileChangeApprovedEvent(String workerId, String changeId, ChangeKind kind, RecordSection section,
                                         String entryId, RecordEntry entry, String approvedBy, Instant approvedAt,
                                         long profileVersion) {
}
