package ru.frmr.employer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestStatus;
import ru.frmr.employer.command.StaffMemberships;
import ru.frmr.employer.query.LinkRequestAttachmentView;
import ru.frmr.employer.query.LinkRequestAttachments;
import ru.frmr.employer.query.LinkRequestView;
import ru.frmr.employer.query.StaffQueries;
import ru.frmr.employer.query.WorkerDirectory;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.kit.security.CurrentUser;

/**
 * Link requests: HR asks to link a worker it found through the registry's lookup, a worker asks to be linked to an
 * organisation naming their contract; the other side accepts or declines. Who may call is decided on the path
 * ({@code AccessRulesConfiguration}); which side the caller is, here.
 */
@RestController
@RequestMapping("/api/employer")
class LinkRequestController {

    static final String NO_SUCH_WORKER = "workerId: no such worker in the register";

    private final StaffMemberships memberships;
    private final StaffQueries queries;
    private final WorkerDirectory workers;
    private final Names names;
    private final LinkRequestAttachments attachments;

    LinkRequestController(StaffMemberships memberships, StaffQueries queries, WorkerDirectory workers, Names names,
                          LinkRequestAttachments attachments) {
        this.memberships = memberships;
        this.queries = queries;
        this.workers = workers;
        this.names = names;
        this.attachments = attachments;
    }

    record HrLinkRequest(@NotBlank @Pattern(regexp = Paging.ID_REGEX, message = Paging.ID_MESSAGE) String workerId) {
    }

    record WorkerLinkRequest(@NotBlank @Pattern(regexp = Paging.ID_REGEX, message = Paging.ID_MESSAGE) String organizationId,
                             @NotBlank @Size(max = 50) String contractNumber, @NotNull LocalDate contractDate) {
    }

    record CreatedResponse(String requestId, String organizationId, String workerId, LinkInitiator initiatedBy,
                           LinkRequestStatus status, Instant requestedAt, Instant expiresAt) {
    }

    /**
     * @param workerName   ФИО, absent when the registry has not told it or erased it
     * @param organization {id, name}: in the worker's own list only
     * @param attachments  documents the worker attached to the request (the employment contract), oldest first;
     *                     empty when none
     */
    record LinkRequestItem(String requestId, String workerId, String workerName, Names.OrganizationName organization,
                           LinkInitiator initiatedBy, LinkRequestStatus status, Instant requestedAt,
                           Instant expiresAt, Instant answeredAt, String contractNumber, LocalDate contractDate,
                           List<Attachment> attachments) {
    }

    /** A document attached to a link request; its bytes: {@code GET /api/documents/files/{documentId}}. */
    record Attachment(String documentId, String mediaType, long sizeBytes, String sha256, Instant attachedAt) {

        static Attachment of(LinkRequestAttachmentView view) {
            return new Attachment(view.documentId(), view.mediaType(), view.sizeBytes(), view.sha256(),
                    view.attachedAt());
        }
    }

    @PostMapping("/organizations/{orgId}/link-requests")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedResponse requestByHr(@AuthenticationPrincipal CurrentUser user, @PathVariable String orgId,
                                @Valid @RequestBody HrLinkRequest body) {
        if (user.isWorker(body.workerId())) {
            // They could not answer it either: the worker's side and the organisation's would be the same person.
            throw new CallerForbiddenException("workerId", "an HR officer does not link themselves");
        }
        if (!workers.registers(body.workerId())) {
            // HR has the registry number from the registry's lookup by СНИЛС and birth date, so it is in the
            // register unless mistyped, made up or erased since; an id nobody registered must not reach the
            // public topic as an EmployerLinkRequested.
            throw new NotFoundException(NO_SUCH_WORKER);
        }
        return created(memberships.requestLink(orgId, body.workerId(), LinkInitiator.EMPLOYER, null, null));
    }

    @PostMapping("/me/link-requests")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedResponse requestByWorker(@AuthenticationPrincipal CurrentUser user,
                                    @Valid @RequestBody WorkerLinkRequest body) {
        return created(memberships.requestLink(body.organizationId(), ownRecord(user), LinkInitiator.WORKER,
                body.contractNumber(), body.contractDate()));
    }

    @PostMapping("/organizations/{orgId}/workers/{workerId}/link-requests/{requestId}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void accept(@AuthenticationPrincipal CurrentUser user, @PathVariable String orgId, @PathVariable String workerId,
                @PathVariable String requestId) {
        Paging.checkId(requestId, "requestId");
        memberships.accept(orgId, workerId, requestId, side(user, orgId, workerId));
    }

    @PostMapping("/organizations/{orgId}/workers/{workerId}/link-requests/{requestId}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(@AuthenticationPrincipal CurrentUser user, @PathVariable String orgId, @PathVariable String workerId,
                 @PathVariable String requestId) {
        Paging.checkId(requestId, "requestId");
        memberships.decline(orgId, workerId, requestId, side(user, orgId, workerId));
    }

    @GetMapping("/organizations/{orgId}/link-requests")
    Paging.Page<LinkRequestItem> organizationRequests(@PathVariable String orgId,
                                                      @RequestParam(required = false) LinkRequestStatus status,
                                                      @RequestParam(required = false) LinkInitiator initiatedBy,
                                                      @RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        StaffQueries.Slice<LinkRequestView> slice = queries.organizationRequests(orgId, status, initiatedBy, page,
                size);
        return page(slice, page, size, false);
    }

    @GetMapping("/me/link-requests")
    Paging.Page<LinkRequestItem> ownRequests(@AuthenticationPrincipal CurrentUser user,
                                             @RequestParam(required = false) LinkRequestStatus status,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        return page(queries.workerRequests(ownRecord(user), status, page, size), page, size, true);
    }

    private Paging.Page<LinkRequestItem> page(StaffQueries.Slice<LinkRequestView> slice, int page, int size,
                                              boolean withOrganization) {
        Set<String> ids = slice.items().stream().map(LinkRequestView::workerId).collect(Collectors.toSet());
        Map<String, String> workerNames = workers.names(ids);
        Map<String, Names.OrganizationName> organizations = new HashMap<>();
        Map<String, List<LinkRequestAttachmentView>> attached = attachments.of(slice.items());
        return new Paging.Page<>(slice.items().stream().map(v -> new LinkRequestItem(v.requestId(), v.workerId(),
                workerNames.get(v.workerId()),
                withOrganization ? names.organization(v.organizationId(), organizations) : null, v.initiatedBy(),
                v.status(), v.requestedAt(), v.expiresAt(), v.answeredAt(), v.contractNumber(), v.contractDate(),
                attached.getOrDefault(v.requestId(), List.of()).stream().map(Attachment::of).toList()))
                .toList(), page, size, slice.total());
    }

    private static CreatedResponse created(StaffMemberships.CreatedRequest r) {
        return new CreatedResponse(r.requestId(), r.organizationId(), r.workerId(), r.initiatedBy(),
                LinkRequestStatus.PENDING, r.requestedAt(), r.expiresAt());
    }

    /** The worker's registry number from the token: a WORKER without one has no record to link. */
    static String ownRecord(CurrentUser user) {
        if (user.workerId() == null || !Paging.ID.matcher(user.workerId()).matches()) {
            throw new CallerForbiddenException("workerId", "the caller has no worker record");
        }
        return user.workerId();
    }

    /**
     * Which side the caller answers for. Someone who is both the worker and an HR officer of the organisation
     * would answer their own request: refused.
     */
    private static LinkInitiator side(CurrentUser user, String orgId, String workerId) {
        boolean worker = user.isWorker(workerId);
        boolean hr = user.isHrOf(orgId);
        if (worker && hr) {
            throw new CallerForbiddenException("workerId",
                    "an HR officer does not answer a link request about themselves");
        }
        Paging.checkId(workerId, "workerId");
        return worker ? LinkInitiator.WORKER : LinkInitiator.EMPLOYER;
    }
}
