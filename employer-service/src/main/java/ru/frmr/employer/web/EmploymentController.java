package ru.frmr.employer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.employer.api.EmploymentChangeKind;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.command.StaffMemberships;
import ru.frmr.employer.query.EmploymentView;
import ru.frmr.employer.query.StaffQueries;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.access.AccessPurpose;
import ru.frmr.kit.security.CurrentUser;

/**
 * Employment records: HR records a hire of a linked worker, changes of its terms and the dismissal, and sees the
 * worker's employments in the organisation with their history; the worker sees all their employments. The
 * aggregate checks the rules and names the field it refuses; here only the shape of the request.
 */
@RestController
@RequestMapping("/api/employer")
class EmploymentController {

    private static final String WORKER = "/organizations/{orgId}/workers/{workerId}";

    private final StaffMemberships memberships;
    private final StaffQueries queries;
    private final Names names;
    private final AccessLog accessLog;

    EmploymentController(StaffMemberships memberships, StaffQueries queries, Names names, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.memberships = memberships;
        this.queries = queries;
        this.names = names;
    }

    record HireRequest(@NotBlank String positionCode, @Size(max = 300) String department, @NotNull BigDecimal rate,
                       @NotBlank String contractKind, @NotBlank @Size(max = 50) String contractNumber,
                       @NotNull LocalDate contractDate, @NotNull LocalDate startDate) {
    }

    record ChangeRequest(@NotNull EmploymentChangeKind kind, @NotBlank String positionCode,
                         @Size(max = 300) String department, @NotNull BigDecimal rate,
                         @NotBlank String contractKind, @NotNull LocalDate effectiveDate) {
    }

    record DismissalRequest(@NotNull LocalDate endDate, @NotBlank String reasonCode) {
    }

    record VersionResponse(String employmentId, long version, String status) {
    }

    /**
     * An employment as HR and the worker see it.
     *
     * @param organization {id, name}
     * @param status       ACTIVE or DISMISSED
     */
    record EmploymentItem(String employmentId, String workerId, Names.OrganizationName organization,
                          String positionCode, String positionName, String department, BigDecimal rate,
                          String contractKind, String contractKindName, String contractNumber, LocalDate contractDate,
                          LocalDate startDate, LocalDate endDate, String dismissalReason,
                          String dismissalReasonName, String status, long version, List<HistoryItem> history) {
    }

    record HistoryItem(long version, String kind, LocalDate effectiveDate, Instant at, String positionCode,
                       String positionName, String department, BigDecimal rate, String contractKind,
                       LocalDate endDate, String reasonCode) {
    }

    @PostMapping(WORKER + "/employments")
    @ResponseStatus(HttpStatus.CREATED)
    VersionResponse hire(@PathVariable String orgId, @PathVariable String workerId,
                         @Valid @RequestBody HireRequest body) {
        Paging.checkId(workerId, "workerId");
        String employmentId = memberships.hire(orgId, workerId, new EmploymentTerms(body.positionCode(),
                body.department(), body.rate(), body.contractKind(), body.contractNumber(), body.contractDate(),
                body.startDate()));
        return new VersionResponse(employmentId, 1, EmploymentView.ACTIVE);
    }

    @PostMapping(WORKER + "/employments/{employmentId}/changes")
    VersionResponse change(@PathVariable String orgId, @PathVariable String workerId,
                           @PathVariable String employmentId, @Valid @RequestBody ChangeRequest body) {
        Paging.checkId(workerId, "workerId");
        Paging.checkId(employmentId, "employmentId");
        long version = memberships.change(orgId, workerId, employmentId, body.kind(), body.positionCode(),
                body.department(), body.rate(), body.contractKind(), body.effectiveDate());
        return new VersionResponse(employmentId, version, EmploymentView.ACTIVE);
    }

    @PostMapping(WORKER + "/employments/{employmentId}/dismissal")
    VersionResponse dismiss(@PathVariable String orgId, @PathVariable String workerId,
                            @PathVariable String employmentId, @Valid @RequestBody DismissalRequest body) {
        Paging.checkId(workerId, "workerId");
        Paging.checkId(employmentId, "employmentId");
        long version = memberships.dismiss(orgId, workerId, employmentId, body.endDate(), body.reasonCode());
        return new VersionResponse(employmentId, version, EmploymentView.DISMISSED);
    }

    @GetMapping(WORKER + "/employments")
    List<EmploymentItem> workerEmployments(@PathVariable String orgId, @PathVariable String workerId) {
        Paging.checkId(workerId, "workerId");
        List<EmploymentItem> items = items(queries.employments(orgId, workerId));
        AccessCaller.current().ifPresent(caller -> accessLog.record(caller, workerId, AccessedData.EMPLOYMENT,
                AccessPurpose.HR_RECORDS));
        return items;
    }

    @GetMapping("/me/employments")
    List<EmploymentItem> ownEmployments(@AuthenticationPrincipal CurrentUser user) {
        return items(queries.workerEmployments(LinkRequestController.ownRecord(user)));
    }

    private List<EmploymentItem> items(List<EmploymentView> views) {
        Map<String, Names.OrganizationName> organizations = new HashMap<>();
        return views.stream().map(v -> new EmploymentItem(v.employmentId(), v.workerId(),
                names.organization(v.organizationId(), organizations), v.positionCode(),
                names.position(v.positionCode()), v.department(), v.rate(), v.contractKind(),
                names.contractKind(v.contractKind()), v.contractNumber(), v.contractDate(), v.startDate(),
                v.endDate(), v.dismissalReason(), names.dismissalReason(v.dismissalReason()), v.status(),
                v.version(), v.history().stream().map(h -> new HistoryItem(h.version(), h.kind(), h.effectiveDate(),
                        h.at(), h.positionCode(), names.position(h.positionCode()), h.department(), h.rate(),
                        h.contractKind(), h.endDate(), h.reasonCode())).toList())).toList();
    }
}
