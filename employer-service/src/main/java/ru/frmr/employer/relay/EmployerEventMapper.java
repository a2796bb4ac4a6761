package ru.frmr.employer.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
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

        // link requests and employment records
        Optional<IntegrationEvent> staff = StaffEvents.map(domainEvent);
        if (staff.isPresent()) {
            return staff;
        }

        // discrepancies
        return Optional.empty();
    }
}
