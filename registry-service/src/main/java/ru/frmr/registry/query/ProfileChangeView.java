package ru.frmr.registry.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;

/** A submitted change and its moderation outcome: the admin queue and the worker's list of changes. */
@Document(ProfileChangeView.COLLECTION)
public record ProfileChangeView(@Id String id, String workerId, ChangeKind kind, RecordSection section,
                                String entryId, RecordEntry entry, ChangeStatus status, String submittedBy,
                                Instant submittedAt, String decidedBy, Instant decidedAt, String reason) {

    public static final String COLLECTION = "profile_changes";
}
