package ru.frmr.registry.web;

import java.time.Instant;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.ChangeStatus;
import ru.frmr.registry.query.ProfileChangeView;

/** A submitted change with its moderation outcome. */
public record ProfileChangeResponse(String changeId, String workerId, ChangeKind kind, RecordSection section,
                                    String entryId, RecordEntry entry, ChangeStatus status, String submittedBy,
                                    Instant submittedAt, String decidedBy, Instant decidedAt, String reason) {

    static ProfileChangeResponse of(ProfileChangeView v) {
        return new ProfileChangeResponse(v.id(), v.workerId(), v.kind(), v.section(), v.entryId(), v.entry(),
                v.status(), v.submittedBy(), v.submittedAt(), v.decidedBy(), v.decidedAt(), v.reason());
    }
}
