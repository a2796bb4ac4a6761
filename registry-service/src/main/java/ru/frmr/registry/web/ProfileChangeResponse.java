package ru.frmr.registry.web;

import java.time.Instant;
import java.util.List;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.ChangeAttachmentView;
import ru.frmr.registry.query.ChangeStatus;
import ru.frmr.registry.query.ProfileChangeView;
import ru.frmr.registry.query.WorkerView;

/**
 * A submitted change with its moderation outcome, and what a moderator needs to decide it without another call:
 * whose record it changes and what the record holds now.
 *
 * @param worker       the worker's registry number and name; null while the record's view has not caught up
 * @param entry        the proposed entry, every field; null for a removal
 * @param currentEntry for a correction or a removal, the entry as the record holds it now (before the change while
 *                     it is pending); null for an addition, and once the record no longer holds the entry
 * @param attachments  the documents the worker attached to the change (scans for the moderator), oldest first;
 *                     empty when none
 */
public record ProfileChangeResponse(String changeId, String workerId, ChangeKind kind, RecordSection section,
                                    String entryId, RecordEntry entry, ChangeStatus status, String submittedBy,
                                    Instant submittedAt, String decidedBy, Instant decidedAt, String reason,
                                    Worker worker, RecordEntry currentEntry, List<Attachment> attachments) {

    /**
     * @param worker      the view of the change's worker, or null when there is none yet
     * @param attachments the change's own worker's attachments ({@code ChangeAttachments.of})
     */
    static ProfileChangeResponse of(ProfileChangeView v, WorkerView worker, List<ChangeAttachmentView> attachments) {
        RecordEntry current = v.kind() == ChangeKind.ADD || worker == null || worker.entries() == null ? null
                : worker.entries().get(v.entryId());
        return new ProfileChangeResponse(v.id(), v.workerId(), v.kind(), v.section(), v.entryId(), v.entry(),
                v.status(), v.submittedBy(), v.submittedAt(), v.decidedBy(), v.decidedAt(), v.reason(),
                worker == null ? null : new Worker(worker.id(), worker.lastName(), worker.firstName(),
                        worker.middleName()), current,
                attachments.stream().map(a -> new Attachment(a.documentId(), a.mediaType(), a.sizeBytes(), a.sha256(),
                        a.attachedAt())).toList());
    }

    /** A document attached to the change; its bytes: {@code GET /api/documents/files/{documentId}}. */
    public record Attachment(String documentId, String mediaType, long sizeBytes, String sha256, Instant attachedAt) {
    }

    /** @param id the registry number */
    public record Worker(String id, String lastName, String firstName, String middleName) {
    }
}
