package ru.frmr.employer.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.employer.api.AnswerDiscrepancyCommand;
import ru.frmr.employer.api.RaiseDiscrepancyCommand;
import ru.frmr.employer.calendar.DueDate;
import ru.frmr.employer.command.AnswerPeriod;
import ru.frmr.employer.query.EmploymentLookup;
import ru.frmr.employer.query.OrganizationCard;
import ru.frmr.employer.query.OrganizationDirectory;
import ru.frmr.employer.query.WorkerDirectory;
import ru.frmr.employer.query.discrepancy.DiscrepancyStatus;
import ru.frmr.employer.query.discrepancy.DiscrepancyView;
import ru.frmr.employer.query.discrepancy.DiscrepancyViews;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.kit.security.CurrentUser;

/**
 * Discrepancies: the worker raises one against their employment record, the organisation's HR answers it within
 * the answer period, supervisors see the ones escalated as overdue. Who may call which path is decided in
 * {@code AccessRulesConfiguration}; the handlers check what a path cannot say.
 */
@RestController
class DiscrepancyController {

    private final CommandGateway commands;
    private final DiscrepancyViews views;
    private final EmploymentLookup employments;
    private final AnswerPeriod answerPeriod;
    private final WorkerDirectory workers;
    /** The purpose each access through the supervisors' queue is recorded with. */
    static final String ESCALATED_DISCREPANCIES = "надзор за просроченными расхождениями";

    private final OrganizationDirectory organizations;
    private final Clock clock;
    private final AccessLog accessLog;

    DiscrepancyController(CommandGateway commands, DiscrepancyViews views, EmploymentLookup employments,
                          AnswerPeriod answerPeriod, WorkerDirectory workers, OrganizationDirectory organizations,
                          Clock clock, AccessLog accessLog) {
        this.commands = commands;
        this.views = views;
        this.employments = employments;
        this.answerPeriod = answerPeriod;
        this.workers = workers;
        this.organizations = organizations;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    @PostMapping("/api/employer/me/discrepancies")
    @ResponseStatus(HttpStatus.CREATED)
    DiscrepancyResponses.Raised raise(@AuthenticationPrincipal CurrentUser user,
                                      @Valid @RequestBody DiscrepancyRequests.Raise request) {
        String workerId = user.workerId();
        boolean ownEmployment = workerId != null && employments.find(request.employmentId())
                .filter(e -> workerId.equals(e.workerId()) && request.organizationId().equals(e.organizationId()))
                .isPresent();
        if (!ownEmployment) {
            throw new NotFoundException("employmentId: no such employment of yours in that organisation.");
        }
        String discrepancyId = UUID.randomUUID().toString();
        Instant filedAt = clock.instant();
        commands.sendAndWait(new RaiseDiscrepancyCommand(discrepancyId, request.organizationId(), workerId,
                request.employmentId(), request.field(), request.recordedValue(), request.correctValue(),
                request.comment(), filedAt));
        // The same rule on the same instant the discrepancy used: the answer repeats what it recorded.
        DueDate due = answerPeriod.forFiling(filedAt);
        return new DiscrepancyResponses.Raised(discrepancyId, DiscrepancyStatus.OPEN, filedAt,
                due.countsAsFiledOn(), due.dueDate(), due.provisional());
    }

    @GetMapping("/api/employer/me/discrepancies")
    DiscrepancyResponses.Page mine(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        if (user.workerId() == null) {
            return new DiscrepancyResponses.Page(List.of(), page, size, 0);
        }
        DiscrepancyViews.Page found = views.ofWorker(user.workerId(), status(status), page, size);
        return page(found, page, size, v -> item(v, organization(v), null));
    }

    @GetMapping("/api/employer/organizations/{orgId}/discrepancies")
    DiscrepancyResponses.Page ofOrganization(@PathVariable String orgId,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        DiscrepancyViews.Page found = views.ofOrganization(orgId, status(status), page, size);
        return page(found, page, size, v -> item(v, null, workerName(v)));
    }

    @PostMapping("/api/employer/organizations/{orgId}/discrepancies/{discrepancyId}/answer")
    DiscrepancyResponses.Answered answer(@AuthenticationPrincipal CurrentUser user, @PathVariable String orgId,
                                         @PathVariable String discrepancyId,
                                         @Valid @RequestBody DiscrepancyRequests.Answer request) {
        Paging.checkId(discrepancyId, "discrepancyId");
        Instant answeredAt = clock.instant();
        boolean late;
        try {
            late = commands.sendAndWait(new AnswerDiscrepancyCommand(discrepancyId, orgId, request.outcome(),
                    request.explanation(), user.accountId(), answeredAt));
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException(AnswerDiscrepancyCommand.NOT_FOUND);
        }
        return new DiscrepancyResponses.Answered(discrepancyId, DiscrepancyStatus.ANSWERED, request.outcome(),
                answeredAt, late);
    }

    /**
     * The supervisors' queue of escalated discrepancies. A regional authority sees those of the organisations in its
     * region (not listed nor counted otherwise), a supervisor of no known agency none. Each worker shown (name,
     * employment details) is on the access log with a fixed purpose: the queue is the supervisory work itself, as the
     * moderation queue is an administrator's, so no purpose is asked before opening it.
     */
    @GetMapping("/api/employer/supervision/discrepancies")
    DiscrepancyResponses.Page escalated(@RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        Optional<AccessCaller> reader = AccessCaller.current();
        DiscrepancyViews.Page found;
        if (reader.map(AccessCaller::supervisoryWithoutAgency).orElse(false)) {
            found = new DiscrepancyViews.Page(List.of(), 0);
        } else if (reader.map(AccessCaller::regional).orElse(false)) {
            String region = reader.get().agencyRegion();
            found = region == null ? new DiscrepancyViews.Page(List.of(), 0)
                    : views.escalatedIn(organizations.idsInRegion(region), page, size);
        } else {
            found = views.escalated(page, size);
        }
        DiscrepancyResponses.Page response = page(found, page, size, v -> item(v, organization(v), workerName(v)));
        reader.ifPresent(caller -> accessLog.recordEach(caller,
                found.items().stream().map(DiscrepancyView::workerId).toList(), AccessedData.EMPLOYMENT,
                ESCALATED_DISCREPANCIES));
        return response;
    }

    private DiscrepancyResponses.Page page(DiscrepancyViews.Page found, int page, int size,
                                           Function<DiscrepancyView, DiscrepancyResponses.Item> item) {
        return new DiscrepancyResponses.Page(found.items().stream().map(item).toList(), page, size, found.total());
    }

    private DiscrepancyResponses.Item item(DiscrepancyView v, DiscrepancyResponses.Organization organization,
                                           String workerName) {
        return new DiscrepancyResponses.Item(v.id(), organization, v.workerId(), workerName, v.employmentId(),
                v.field(), v.recordedValue(), v.correctValue(), v.comment(), v.status(), v.filedAt(),
                LocalDate.parse(v.countsAsFiledOn()), LocalDate.parse(v.dueDate()), v.provisional(),
                v.isOverdue(clock.instant()), v.escalated(), v.escalatedAt(), v.outcome(), v.explanation(),
                v.answeredAt(), v.late());
    }

    private DiscrepancyResponses.Organization organization(DiscrepancyView v) {
        return new DiscrepancyResponses.Organization(v.organizationId(),
                organizations.find(v.organizationId()).map(OrganizationCard::name).orElse(null));
    }

    private String workerName(DiscrepancyView v) {
        return workers.names(List.of(v.workerId())).get(v.workerId());
    }

    private static DiscrepancyStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DiscrepancyStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", "must be OPEN, OVERDUE or ANSWERED");
        }
    }
}
