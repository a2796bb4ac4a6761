package ru.frmr.registry.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.access.AccessPurpose;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.registry.command.ProfileModeration;
import ru.frmr.registry.query.ChangeAttachmentView;
import ru.frmr.registry.query.ChangeAttachments;
import ru.frmr.registry.query.ChangeJournalQueries;
import ru.frmr.registry.query.ChangeStatus;
import ru.frmr.registry.query.ProfileChangeQueries;
import ru.frmr.registry.query.ProfileChangeView;
import ru.frmr.registry.query.WorkerQueries;
import ru.frmr.registry.query.WorkerView;

/** A worker's changes of their professional record, and the journal of what became of them. */
@RestController
@RequestMapping("/api/registry/workers/{id}")
class ProfileChangeController {

    private final ProfileModeration moderation;
    private final ProfileChangeQueries changes;
    private final ChangeJournalQueries journal;
    private final StepUpCheck stepUp;
    private final WorkerQueries workerViews;
    private final ChangeAttachments attachments;
    private final AccessLog accessLog;

    ProfileChangeController(ProfileModeration moderation, ProfileChangeQueries changes, ChangeJournalQueries journal,
                            StepUpCheck stepUp, WorkerQueries workerViews, ChangeAttachments attachments,
                            AccessLog accessLog) {
        this.accessLog = accessLog;
        this.moderation = moderation;
        this.changes = changes;
        this.journal = journal;
        this.stepUp = stepUp;
        this.workerViews = workerViews;
        this.attachments = attachments;
    }

    @PostMapping("/changes")
    ResponseEntity<Map<String, String>> submit(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String id,
            @Valid @RequestBody ProfileChangeRequest request) {
        stepUp.requireRecent();
        String changeId = moderation.submit(id, request.kind(), request.entryId(), request.entry());
        return ResponseEntity.accepted().body(Map.of("changeId", changeId));
    }

    @GetMapping("/changes")
    List<ProfileChangeResponse> list(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String id,
            @RequestParam(required = false) ChangeStatus status) {
        WorkerView worker = workerViews.byId(id).orElse(null);
        List<ProfileChangeView> own = changes.ofWorker(id, status);
        Map<String, List<ChangeAttachmentView>> attached = attachments.of(own);
        if (!CurrentUser.current().map(user -> user.isWorker(id)).orElse(false)) {
            AccessCaller.current().ifPresent(caller -> accessLog.record(caller, id, AccessedData.RECORD,
                    AccessPurpose.MODERATION));
        }
        return own.stream().map(change -> ProfileChangeResponse.of(change, worker,
                attached.getOrDefault(change.id(), List.of()))).toList();
    }

    @GetMapping("/journal")
    List<JournalEntryResponse> journal(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String id) {
        return journal.ofWorker(id).stream().map(JournalEntryResponse::of).toList();
    }
}
