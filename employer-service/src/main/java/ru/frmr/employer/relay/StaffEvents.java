package ru.frmr.employer.relay;

import java.time.Instant;
import java.util.Optional;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.employer.ContractKind;
import ru.frmr.contracts.employer.EmployerLinkAnswered;
import ru.frmr.contracts.employer.EmployerLinkRequested;
import ru.frmr.contracts.employer.EmployingOrganization;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.employer.api.EmploymentChangedEvent;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestAcceptedEvent;
import ru.frmr.employer.api.LinkRequestDeclinedEvent;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.api.LinkRequestedEvent;
import ru.frmr.employer.api.OrganizationRef;
import ru.frmr.employer.api.WorkerDismissedEvent;
import ru.frmr.employer.api.WorkerHiredEvent;

/**
 * Link requests and employments as the platform hears of them. {@code EmployerLinkRequested} is a public contract
 * and says only that an organisation asked to link a registry number (a worker's own request is between them and
 * the organisation); how a request was settled is internal {@code EmployerLinkAnswered}, ids only, for telling
 * the side that asked. The employment events carry the terms the registry's record shows; contract numbers and
 * dismissal reasons stay in the employer-service.
 */
final class StaffEvents {

    private StaffEvents() {
    }

    static Optional<IntegrationEvent> map(Object domainEvent) {
        if (domainEvent instanceof LinkRequestedEvent e) {
            return e.initiatedBy() == LinkInitiator.EMPLOYER
                    ? Optional.of(new EmployerLinkRequested(e.requestId(), e.organizationId(), e.workerId(),
                            e.requestedAt()))
                    : Optional.empty();
        }
        if (domainEvent instanceof LinkRequestAcceptedEvent e) {
            return answered(e.requestId(), e.organizationId(), e.workerId(), e.initiatedBy(), "ACCEPTED",
                    e.answeredAt());
        }
        if (domainEvent instanceof LinkRequestDeclinedEvent e) {
            return answered(e.requestId(), e.organizationId(), e.workerId(), e.initiatedBy(), "DECLINED",
                    e.answeredAt());
        }
        if (domainEvent instanceof LinkRequestExpiredEvent e) {
            return answered(e.requestId(), e.organizationId(), e.workerId(), e.initiatedBy(), "EXPIRED",
                    e.expiredAt());
        }
        if (domainEvent instanceof WorkerHiredEvent e) {
            EmploymentTerms t = e.terms();
            return Optional.of(new EmploymentRecorded(e.employmentId(), e.workerId(), organization(e.organization()),
                    t.department(), t.positionCode(), t.rate(), ContractKind.valueOf(t.contractKind()),
                    t.startDate(), e.version(), e.recordedAt()));
        }
        if (domainEvent instanceof EmploymentChangedEvent e) {
            EmploymentTerms t = e.terms();
            return Optional.of(new EmploymentCorrected(e.employmentId(), e.workerId(),
                    organization(e.organization()), t.department(), t.positionCode(), t.rate(),
                    ContractKind.valueOf(t.contractKind()), t.startDate(), e.version(), e.changedAt()));
        }
        if (domainEvent instanceof WorkerDismissedEvent e) {
            return Optional.of(new EmploymentEnded(e.employmentId(), e.workerId(), e.organizationId(), e.endDate(),
                    e.version(), e.dismissedAt()));
        }
        return Optional.empty();
    }

    private static Optional<IntegrationEvent> answered(String requestId, String organizationId, String workerId,
                                                       LinkInitiator initiatedBy, String outcome, Instant at) {
        return Optional.of(new EmployerLinkAnswered(requestId, organizationId, workerId, initiatedBy.name(), outcome,
                at));
    }

    private static EmployingOrganization organization(OrganizationRef o) {
        return new EmployingOrganization(o.id(), o.name(), o.ogrn(), o.regionCode());
    }
}
