package ru.frmr.employer.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static ru.frmr.employer.command.EmploymentRules.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.employer.api.AcceptLinkRequestCommand;
import ru.frmr.employer.api.ChangeEmploymentCommand;
import ru.frmr.employer.api.DeclineLinkRequestCommand;
import ru.frmr.employer.api.DismissWorkerCommand;
import ru.frmr.employer.api.EmploymentChangedEvent;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.api.ExpireLinkRequestCommand;
import ru.frmr.employer.api.ExpiryOutcome;
import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestAcceptedEvent;
import ru.frmr.employer.api.LinkRequestDeclinedEvent;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.api.LinkRequestStatus;
import ru.frmr.employer.api.LinkRequestedEvent;
import ru.frmr.employer.api.RecordHireCommand;
import ru.frmr.employer.api.RequestLinkCommand;
import ru.frmr.employer.api.StaffMembershipId;
import ru.frmr.employer.api.WorkerDismissedEvent;
import ru.frmr.employer.api.WorkerHiredEvent;
import ru.frmr.employer.reference.EmploymentDictionaries;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.NotFoundException;

/**
 * One worker's standing with one organisation: the link requests between them, whether they are linked, and the
 * worker's employments there with their versions. One aggregate for both, because the rules join them: a hire
 * needs an accepted link, and one active employment per position and contract kind holds across the worker's
 * employments in the organisation. Created by the first link request, whichever side starts it.
 */
@Aggregate
class StaffMembership {

    /** "Today" for the date rules is Moscow's, as the registry's. */
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @AggregateIdentifier
    private String membershipId;
    private String organizationId;
    private String workerId;
    private boolean linked;
    private final Map<String, Request> requests = new HashMap<>();
    private String pendingRequestId;
    private final Map<String, Employment> employments = new HashMap<>();

    StaffMembership() {
        // for Axon: rebuilt from events, or created by the first link request
    }

    // --- link requests ---

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestLinkCommand command) {
        require(command.initiatedBy() != null, "initiatedBy", "is required");
        require(StaffMembershipId.of(command.organizationId(), command.workerId()).equals(command.membershipId()),
                "membershipId", "does not match the organisation and the worker");
        String field = command.initiatedBy() == LinkInitiator.EMPLOYER ? "workerId" : "organizationId";
        if (linked) {
            throw new ConflictException(field, "the worker is already linked to this organisation");
        }
        if (pendingRequestId != null) {
            throw new ConflictException(field, "a link request between them is already pending");
        }
        if (requests.containsKey(command.requestId())) {
            throw new ConflictException("requestId", "is already used");
        }
        String contractNumber = null;
        if (command.initiatedBy() == LinkInitiator.WORKER) {
            contractNumber = EmploymentRules.text(command.contractNumber(), "contractNumber",
                    EmploymentRules.CONTRACT_NUMBER, true);
            require(command.contractDate() != null, "contractDate", "is required");
            EmploymentRules.contractDate(command.contractDate());
            require(!command.contractDate().isAfter(today(command.requestedAt())), "contractDate",
                    "must not be in the future");
        }
        require(command.expiresAt().isAfter(command.requestedAt()), "expiresAt", "must be after the request");
        apply(new LinkRequestedEvent(command.membershipId(), command.organizationId(), command.workerId(),
                command.requestId(), command.initiatedBy(), contractNumber,
                command.initiatedBy() == LinkInitiator.WORKER ? command.contractDate() : null,
                command.requestedAt(), command.expiresAt()));
    }

    @CommandHandler
    void handle(AcceptLinkRequestCommand command) {
        Request request = answerable(command.requestId(), command.answeredBy(), command.answeredAt());
        apply(new LinkRequestAcceptedEvent(membershipId, organizationId, workerId, command.requestId(),
                request.initiatedBy(), command.answeredAt()));
    }

    @CommandHandler
    void handle(DeclineLinkRequestCommand command) {
        Request request = answerable(command.requestId(), command.answeredBy(), command.answeredAt());
        apply(new LinkRequestDeclinedEvent(membershipId, organizationId, workerId, command.requestId(),
                request.initiatedBy(), command.answeredAt()));
    }

    /** Expires a request once, whoever asks and however often: a settled request stays as it is. */
    @CommandHandler
    ExpiryOutcome handle(ExpireLinkRequestCommand command) {
        Request request = requests.get(command.requestId());
        if (request == null) {
            return ExpiryOutcome.UNKNOWN;
        }
        if (request.status() != LinkRequestStatus.PENDING) {
            return ExpiryOutcome.ALREADY_SETTLED;
        }
        if (command.now().isBefore(request.expiresAt())) {
            return ExpiryOutcome.NOT_DUE;
        }
        apply(new LinkRequestExpiredEvent(membershipId, organizationId, workerId, command.requestId(),
                request.initiatedBy(), command.now()));
        return ExpiryOutcome.EXPIRED;
    }

    private Request answerable(String requestId, LinkInitiator answeredBy, Instant at) {
        Request request = requests.get(requestId);
        if (request == null) {
            throw new NotFoundException("requestId: no such link request between this organisation and worker");
        }
        if (request.status() != LinkRequestStatus.PENDING) {
            throw new ConflictException("requestId", "the link request is already " + request.status());
        }
        if (request.initiatedBy() == answeredBy) {
            throw new WrongSideException("requestId",
                    "the link request is answered by the side that did not start it");
        }
        if (!at.isBefore(request.expiresAt())) {
            // Past its deadline, even if no sweep has expired it yet: an answer now would race the sweep.
            throw new ConflictException("requestId", "the link request has expired");
        }
        return request;
    }

    // --- employments ---

    @CommandHandler
    void handle(RecordHireCommand command, EmploymentDictionaries dictionaries) {
        if (!linked) {
            throw new ConflictException("workerId", "the worker is not linked to this organisation: "
                    + "a link request must be accepted first");
        }
        if (employments.containsKey(command.employmentId())) {
            throw new ConflictException("employmentId", "is already used");
        }
        EmploymentTerms terms = EmploymentRules.hire(command.terms(), today(command.recordedAt()), dictionaries);
        requireVacant(terms.positionCode(), terms.contractKind(), null);
        apply(new WorkerHiredEvent(membershipId, organizationId, workerId, command.employmentId(),
                command.organization(), terms, 1, command.recordedAt()));
    }

    @CommandHandler
    long handle(ChangeEmploymentCommand command, EmploymentDictionaries dictionaries) {
        Employment employment = active(command.employmentId());
        require(command.kind() != null, "kind", "is required");
        EmploymentRules.position(command.positionCode(), dictionaries);
        BigDecimal rate = EmploymentRules.rate(command.rate());
        EmploymentRules.contractKind(command.contractKind(), dictionaries);
        String department = EmploymentRules.text(command.department(), "department", EmploymentRules.TEXT_FIELD,
                false);
        LocalDate effective = command.effectiveDate();
        require(effective != null, "effectiveDate", "is required");
        require(!effective.isBefore(employment.lastEffectiveDate()), "effectiveDate",
                "must not be before the start date or the latest change");
        require(!effective.isAfter(today(command.changedAt())), "effectiveDate",
                "must not be in the future: record the change once it has taken effect");
        EmploymentTerms before = employment.terms();
        EmploymentTerms after = before.withChange(command.positionCode(), department, rate, command.contractKind());
        EmploymentRules.checkKind(command.kind(), before, after);
        requireVacant(after.positionCode(), after.contractKind(), command.employmentId());
        apply(new EmploymentChangedEvent(membershipId, organizationId, workerId, command.employmentId(),
                command.organization(), command.kind(), after, effective, employment.version() + 1,
                command.changedAt()));
        return employment.version() + 1;
    }

    @CommandHandler
    long handle(DismissWorkerCommand command, EmploymentDictionaries dictionaries) {
        Employment employment = employments.get(command.employmentId());
        if (employment == null) {
            throw noSuchEmployment();
        }
        if (!employment.active()) {
            throw new ConflictException("employmentId", "the employment has already ended");
        }
        require(command.endDate() != null, "endDate", "is required");
        require(!command.endDate().isBefore(employment.lastEffectiveDate()), "endDate",
                "must not be before the start date or the latest change");
        require(!command.endDate().isAfter(today(command.dismissedAt())), "endDate",
                "must not be in the future: record the dismissal once the last working day has come");
        require(command.reasonCode() != null && !command.reasonCode().isBlank(), "reasonCode", "is required");
        require(dictionaries.dismissalReasons().contains(command.reasonCode()), "reasonCode",
                "is not a known dismissal reason");
        apply(new WorkerDismissedEvent(membershipId, organizationId, workerId, command.employmentId(),
                command.endDate(), command.reasonCode(), employment.version() + 1, command.dismissedAt()));
        return employment.version() + 1;
    }

    private Employment active(String employmentId) {
        Employment employment = employments.get(employmentId);
        if (employment == null) {
            throw noSuchEmployment();
        }
        if (!employment.active()) {
            throw new ConflictException("employmentId", "the employment has ended");
        }
        return employment;
    }

    private static NotFoundException noSuchEmployment() {
        return new NotFoundException("employmentId: no such employment of this worker in this organisation");
    }

    /** One active employment per position and contract kind in the organisation. */
    private void requireVacant(String positionCode, String contractKind, String except) {
        boolean taken = employments.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(except) && e.getValue().occupies(positionCode, contractKind));
        if (taken) {
            throw new ConflictException("positionCode",
                    "the worker already holds this position under this kind of contract here");
        }
    }

    private static LocalDate today(Instant at) {
        return LocalDate.ofInstant(at, MOSCOW);
    }

    // --- state ---

    @EventSourcingHandler
    void on(LinkRequestedEvent event) {
        membershipId = event.membershipId();
        organizationId = event.organizationId();
        workerId = event.workerId();
        requests.put(event.requestId(), new Request(event.initiatedBy(), event.expiresAt(), LinkRequestStatus.PENDING));
        pendingRequestId = event.requestId();
    }

    @EventSourcingHandler
    void on(LinkRequestAcceptedEvent event) {
        settle(event.requestId(), LinkRequestStatus.ACCEPTED);
        linked = true;
    }

    @EventSourcingHandler
    void on(LinkRequestDeclinedEvent event) {
        settle(event.requestId(), LinkRequestStatus.DECLINED);
    }

    @EventSourcingHandler
    void on(LinkRequestExpiredEvent event) {
        settle(event.requestId(), LinkRequestStatus.EXPIRED);
    }

    @EventSourcingHandler
    void on(WorkerHiredEvent event) {
        employments.put(event.employmentId(), Employment.hired(event.terms()));
    }

    @EventSourcingHandler
    void on(EmploymentChangedEvent event) {
        employments.computeIfPresent(event.employmentId(),
                (id, e) -> e.changed(event.terms(), event.effectiveDate(), event.version()));
    }

    @EventSourcingHandler
    void on(WorkerDismissedEvent event) {
        employments.computeIfPresent(event.employmentId(), (id, e) -> e.ended(event.endDate(), event.version()));
    }

    private void settle(String requestId, LinkRequestStatus status) {
        requests.computeIfPresent(requestId, (id, r) -> new Request(r.initiatedBy(), r.expiresAt(), status));
        if (requestId.equals(pendingRequestId)) {
            pendingRequestId = null;
        }
    }

    private record Request(LinkInitiator initiatedBy, Instant expiresAt, LinkRequestStatus status) {
    }
}
