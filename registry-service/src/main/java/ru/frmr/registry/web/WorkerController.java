package ru.frmr.registry.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.kit.security.Roles;
import ru.frmr.registry.command.PersonalDataErasure;
import ru.frmr.registry.command.SnilsIndex;
import ru.frmr.registry.command.WorkerRegistration;
import ru.frmr.registry.privacy.PersonalDataVault;
import ru.frmr.registry.query.AccountStatuses;
import ru.frmr.registry.query.ProfileChangeQueries;
import ru.frmr.registry.query.ProfileChangeView;
import ru.frmr.registry.query.WorkerQueries;
import ru.frmr.registry.query.WorkerView;

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
    private final SnilsIndex snilsIndex;
    private final Clock clock;
    private final AccessLog accessLog;

    WorkerController(WorkerRegistration registration, WorkerQueries queries, ProfileChangeQueries changes,
                     AccountStatuses accounts, PersonalDataVault vault, PersonalDataErasure erasure,
                     StepUpCheck stepUp, SnilsIndex snilsIndex, Clock clock, AccessLog accessLog) {
        this.registration = registration;
        this.queries = queries;
        this.changes = changes;
        this.accounts = accounts;
        this.vault = vault;
        this.erasure = erasure;
        this.stepUp = stepUp;
        this.snilsIndex = snilsIndex;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /**
     * The administrators' and supervisors' worker lookup ({@link WorkerLookupQuery}): a registry number or a СНИЛС
     * finds at most one person (the СНИЛС through the private index, never stored or logged here), a name every
     * person whose name starts so, by name. The names and birth dates shown are personal data: the caller states a
     * purpose as for one record, and each person shown is on the access log. A supervisor finds only the workers
     * it may open ({@link SupervisionScope}): the others are neither listed nor counted, and a registry number or
     * СНИЛС outside the scope finds nobody, as if unknown.
     */
    @GetMapping
    WorkerLookupResponse lookup(@RequestParam(required = false) String q,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                HttpServletRequest request) {
        WorkerLookupQuery query = WorkerLookupQuery.parse(q);
        Optional<AccessCaller> reader = AccessCaller.current();
        String purpose = reader.map(caller -> accessLog.purposeOf(caller, request)).orElse(null);
        LocalDate today = LocalDate.now(clock);
        Predicate<WorkerView> inScope = view -> reader.map(caller -> SupervisionScope.covers(caller, view, today))
                .orElse(true);
        boolean scoped = reader.map(AccessCaller::regional).orElse(false);
        List<WorkerView> found;
        long total;
        if (reader.map(AccessCaller::supervisoryWithoutAgency).orElse(false)) {
            found = List.of();
            total = 0;
        } else if (query instanceof WorkerLookupQuery.ByName byName && !scoped) {
            found = queries.byNamePrefix(byName.prefix(), page, size);
            total = queries.countByNamePrefix(byName.prefix());
        } else if (query instanceof WorkerLookupQuery.ByName byName) {
            // The scope needs an employment lasting today in the region, and employments are a map by the employer's
            // id that the query cannot match: the name's matches are filtered here, so the page and the total
            // count only the workers in scope.
            try (Stream<WorkerView> all = queries.allByNamePrefix(byName.prefix())) {
                List<WorkerView> covered = all.filter(inScope).toList();
                total = covered.size();
                found = covered.stream().skip((long) page * size).limit(size).toList();
            }
        } else {
            Optional<String> id = query instanceof WorkerLookupQuery.BySnils bySnils
                    ? snilsIndex.find(bySnils.digits())
                    : Optional.of(((WorkerLookupQuery.ByRegistryNumber) query).id());
            List<WorkerView> one = id.flatMap(queries::byId).filter(inScope).stream().toList();
            found = page == 0 ? one : List.of();
            total = one.size();
        }
        List<String> ids = found.stream().map(WorkerView::id).toList();
        Map<String, String> statuses = accounts.ofWorkers(ids);
        Map<String, Long> pending = changes.pendingCounts(ids);
        WorkerLookupResponse response = new WorkerLookupResponse(found.stream().map(v -> new WorkerLookupResponse.Item(
                v.id(), v.lastName(), v.firstName(), v.middleName(), v.birthDate(),
                WorkerResponse.cabinetStatus(statuses.get(v.id())), pending.getOrDefault(v.id(), 0L))).toList(),
                page, size, total);
        reader.ifPresent(caller -> accessLog.recordEach(caller, ids, AccessedData.RECORD, purpose));
        return response;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterWorkerRequest request) {
        String id = registration.register(request.lastName().strip(), request.firstName().strip(),
                request.middleName() == null || request.middleName().isBlank() ? null : request.middleName().strip(),
                request.birthDate(), request.snils(), request.email().strip());
        return ResponseEntity.created(URI.create("/api/registry/workers/" + id)).body(Map.of("id", id));
    }

    /**
     * The record as the reader may see it: the owner in full; an administrator with the СНИЛС masked; a supervisor
     * with the СНИЛС masked and the approved professional record only (no pending or rejected changes). Anyone but
     * the owner is on the access log, administrators and supervisors with the purpose they state
     * ({@code X-Access-Purpose} or {@code purpose}); a regional authority finds only the workers employed in its
     * region (404 for the others, as for an unknown id: existence is not confirmed).
     */
    @GetMapping("/{id}")
    WorkerResponse get(@PathVariable @Pattern(regexp = InputRules.UUID, message = "must be a worker id") String id,
                       HttpServletRequest request) {
        boolean owner = CurrentUser.current().map(user -> user.isWorker(id)).orElse(false);
        boolean seesChanges = owner || CurrentUser.current().map(user -> user.hasRole(Roles.REGISTRY_ADMIN))
                .orElse(false);
        // Anyone but the owner states why before anything is read, and the read is on record before it leaves.
        Optional<AccessCaller> reader = owner ? Optional.empty() : AccessCaller.current();
        String purpose = reader.map(caller -> accessLog.purposeOf(caller, request)).orElse(null);
        LocalDate today = LocalDate.now(clock);
        WorkerResponse response = queries.byId(id)
                .filter(view -> reader.map(caller -> SupervisionScope.covers(caller, view, today)).orElse(true))
                .map(view -> {
                    List<ProfileChangeView> ofWorker = seesChanges ? changes.ofWorker(id, null) : List.of();
                    return WorkerResponse.of(view, changes.pendingCount(id), accounts.ofWorker(id).orElse(null),
                            vault.reader(id), owner, RecordItem.sections(view.entries() == null ? Map.of()
                                    : view.entries(), ofWorker, today));
                })
                .orElseThrow(() -> new NotFoundException("No worker with this id."));
        reader.ifPresent(caller -> accessLog.record(caller, id, AccessedData.RECORD, purpose));
        return response;
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
