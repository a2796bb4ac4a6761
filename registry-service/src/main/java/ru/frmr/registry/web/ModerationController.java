package ru.frmr.registry.web;

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

import ru.frmr.kit.error.NotFoundException;
import ru.frmr.registry.command.ProfileModeration;
import ru.frmr.registry.query.ProfileChangeQueries;
import ru.frmr.registry.query.ProfileChangeView;

/**
 * The registry administrators' queue. A decision names only the change; the worker comes from the queue's
 * read model, so a change submitted a moment ago may briefly answer 404. An administrator who is also a
 * medical worker decides no change of their own record (403, {@link RegistryProblemAdvice}).
 */
@RestController
@RequestMapping("/api/registry/moderation")
class ModerationController {

    private final ProfileModeration moderation;
    private final ProfileChangeQueries changes;

    ModerationController(ProfileModeration moderation, ProfileChangeQueries changes) {
        this.moderation = moderation;
        this.changes = changes;
    }

    @GetMapping("/queue")
    ModerationQueueResponse queue(@RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new ModerationQueueResponse(changes.pending(page, size).stream().map(ProfileChangeResponse::of)
                .toList(), page, size, changes.pendingTotal());
    }

    @PostMapping("/{changeId}/approve")
    ResponseEntity<Void> approve(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a change id") String changeId) {
        moderation.approve(change(changeId).workerId(), changeId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{changeId}/reject")
    ResponseEntity<Void> reject(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a change id") String changeId,
            @Valid @RequestBody RejectRequest request) {
        moderation.reject(change(changeId).workerId(), changeId, request.reason());
        return ResponseEntity.noContent().build();
    }

    private ProfileChangeView change(String changeId) {
        return changes.byId(changeId).orElseThrow(() -> new NotFoundException("No change with this id."));
    }
}
