package ru.frmr.registry.web;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.error.NotFoundException;
import ru.frmr.registry.command.PersonalDataErasure;
import ru.frmr.registry.command.WorkerRegistration;
import ru.frmr.registry.privacy.PersonalDataVault;
import ru.frmr.registry.query.AccountStatuses;
import ru.frmr.registry.query.ProfileChangeQueries;
import ru.frmr.registry.query.WorkerQueries;

/**
 * Workers' records. Writes go through the aggregate; reads come from the projection, which follows
 * within moments (a read right after a write may briefly answer 404 or the previous version).
 */
@RestController
@RequestMapping("/api/registry/workers")
class WorkerController {

    private final WorkerRegistration registration;
    private final WorkerQueries queries;
    private final ProfileChangeQueries changes;
    private final AccountStatuses accounts;
    private final PersonalDataVault vault;
    private final PersonalDataErasure erasure;
    private final StepUpCheck stepUp;

    WorkerController(WorkerRegistration registration, WorkerQueries queries, ProfileChangeQueries changes,
                     AccountStatuses accounts, PersonalDataVault vault, PersonalDataErasure erasure,
                     StepUpCheck stepUp) {
        this.registration = registration;
        this.queries = queries;
        this.changes = changes;
        this.accounts = accounts;
        this.vault = vault;
        this.erasure = erasure;
        this.stepUp = stepUp;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterWorkerRequest request) {
        String id = registration.register(request.lastName().strip(), request.firstName().strip(),
                request.middleName() == null || request.middleName().isBlank() ? null : request.middleName().strip(),
                request.birthDate(), request.snils(), request.email().strip());
        return ResponseEntity.created(URI.create("/api/registry/workers/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    WorkerResponse get(@PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String id) {
        return queries.byId(id)
                .map(view -> WorkerResponse.of(view, changes.pendingCount(id), accounts.ofWorker(id).orElse(null),
                        vault.reader(id)))
                .orElseThrow(() -> new NotFoundException("No worker with this id."));
    }

    /**
     * Like every change of the record, needs a fresh step-up confirmation: a stolen ordinary token must not redirect
     * where the record's notices go. Appears in the change journal (without the values).
     */
    @PutMapping("/{id}/contacts")
    ResponseEntity<Void> updateContacts(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String id,
            @Valid @RequestBody ContactsRequest request) {
        stepUp.requireRecent();
        registration.updateContacts(id, request.email().strip(), request.mobile());
        return ResponseEntity.noContent().build();
    }

    /** Crypto-shredding by an administrator; repeating it changes nothing. */
    @DeleteMapping("/{id}/personal-data")
    ResponseEntity<Void> erasePersonalData(
            @PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String id,
            @Valid @RequestBody ErasureRequest request) {
        erasure.erase(id, request.reason().strip());
        return ResponseEntity.noContent().build();
    }
}
