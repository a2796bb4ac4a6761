package ru.frmr.registry.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import ru.frmr.registry.command.ProfileModeration;
import ru.frmr.registry.query.ChangeAttachmentView;
import ru.frmr.registry.query.ChangeAttachments;
import ru.frmr.registry.query.ProfileChangeQueries;
import ru.frmr.registry.query.ProfileChangeView;
import ru.frmr.registry.query.WorkerQueries;
import ru.frmr.registry.query.WorkerView;

/**
 * The registry administrators' queue and their decisions. A decision's URL names the worker and the change (the
 * queue's items carry both), so the command goes straight to the worker's record: no read model is asked first,
 * and a change is decidable the moment it was submitted. An unknown worker answers 404 (the kit's mapping of a
 * missing aggregate), a change that is not awaiting moderation 422. An administrator who is also a medical worker
 * decides no change of their own record (403, {@link RegistryProblemAdvice}).
 */
@RestController
@RequestMapping("/api/registry")
class ModerationController {

    private final ProfileModeration moderation;
    private final ProfileChangeQueries changes;
    private final WorkerQueries workerViews;
    private final ChangeAttachments attachments;

    private final AccessLog accessLog;

    ModerationController(ProfileModeration moderation, ProfileChangeQueries changes, WorkerQueries workerViews,
                         ChangeAttachments attachments, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.moderation = moderation;
        this.changes = changes;
        this.workerViews = workerViews;
        this.attachments = attachments;
    }

    /**
     * Each item names the worker, shows, for a correction or a removal, the entry as the record holds it now, and
     * lists the documents the worker attached to the change.
     */
    @GetMapping("/moderation/queue")
    ModerationQueueResponse queue(@RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<ProfileChangeView> pending = changes.pending(page, size);
        Map<String, WorkerView> workers = workerViews.byIds(pending.stream().map(ProfileChangeView::workerId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(WorkerView::id, Function.identity()));
        Map<String, List<ChangeAttachmentView>> attached = attachments.of(pending);
        // One access per person the page shows: the queue names them and shows their entries.
        AccessCaller.current().ifPresent(caller -> accessLog.recordEach(caller, workers.keySet(),
                AccessedData.RECORD, AccessPurpose.MODERATION));
        return new ModerationQueueResponse(pending.stream()
                .map(change -> ProfileChangeResponse.of(change, workers.get(change.workerId()),
                        attached.getOrDefault(change.id(), List.of()))).toList(),
                page, size, changes.pendingTotal());
    }

    @PostMapping("/workers/{workerId}/changes/{changeId}/approve")
    ResponseEntity<Void> approve(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String workerId,
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a change id") String changeId) {
        moderation.approve(workerId, changeId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/workers/{workerId}/changes/{changeId}/reject")
    ResponseEntity<Void> reject(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String workerId,
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a change id") String changeId,
            @Valid @RequestBody RejectRequest request) {
        moderation.reject(workerId, changeId, request.reason());
        return ResponseEntity.noContent().build();
    }
}
