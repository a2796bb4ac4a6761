package ru.frmr.employer.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.employer.DiscrepancyAnswered;
import ru.frmr.contracts.employer.DiscrepancyRaised;
import ru.frmr.contracts.employer.EmployerResponseOverdue;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.employer.api.DiscrepancyAnsweredEvent;
import ru.frmr.employer.api.DiscrepancyRaisedEvent;
import ru.frmr.employer.api.EmployerResponseOverdueEvent;
import ru.frmr.employer.api.HrRightGrantedEvent;
import ru.frmr.employer.api.HrRightRevokedEvent;
import ru.frmr.employer.api.MedicalOrganizationCorrectedEvent;
import ru.frmr.employer.api.MedicalOrganizationRegisteredEvent;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.kit.relay.IntegrationEventMapper;

/**
 * What the employer-service tells the rest of the platform. Workers are named by their registry number only: a
 * СНИЛС, a birth date or a name never leaves the service on a topic.
 */
@Component
class EmployerEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
        // organisations and HR rights
        if (domainEvent instanceof MedicalOrganizationRegisteredEvent e) {
            OrganizationDetails d = e.details();
            return Optional.of(new MedicalOrganizationRegistered(e.organizationId(), d.name(), d.ogrn(), d.inn(),
                    d.kpp(), d.frmoId(), d.regionCode(), d.address(), e.version(), occurredAt));
        }
        if (domainEvent instanceof MedicalOrganizationCorrectedEvent e) {
            OrganizationDetails d = e.details();
            return Optional.of(new MedicalOrganizationCorrected(e.organizationId(), d.name(), d.ogrn(), d.inn(),
                    d.kpp(), d.frmoId(), d.regionCode(), d.address(), e.version(), occurredAt));
        }
        if (domainEvent instanceof HrRightGrantedEvent e) {
            return Optional.of(new HrRightGranted(e.organizationId(), e.accountId(), e.rightsVersion(), occurredAt));
        }
        if (domainEvent instanceof HrRightRevokedEvent e) {
            return Optional.of(new HrRightRevoked(e.organizationId(), e.accountId(), e.rightsVersion(), occurredAt));
        }

        // link requests and employment records
        Optional<IntegrationEvent> staff = StaffEvents.map(domainEvent);
        if (staff.isPresent()) {
            return staff;
        }

        // discrepancies
        if (domainEvent instanceof DiscrepancyRaisedEvent e) {
            return Optional.of(new DiscrepancyRaised(e.discrepancyId(), e.organizationId(), e.workerId(),
                    e.employmentId(), e.field().name(), e.dueDate(), e.provisional(), e.filedAt()));
        }
        if (domainEvent instanceof DiscrepancyAnsweredEvent e) {
            return Optional.of(new DiscrepancyAnswered(e.discrepancyId(), e.organizationId(), e.workerId(),
                    e.outcome().name(), e.late(), e.answeredAt()));
        }
        if (domainEvent instanceof EmployerResponseOverdueEvent e) {
            return Optional.of(new EmployerResponseOverdue(e.discrepancyId(), e.organizationId(), e.workerId(),
                    e.employmentId(), e.dueDate(), e.overdueAt()));
        }
        return Optional.empty();
    }
}
