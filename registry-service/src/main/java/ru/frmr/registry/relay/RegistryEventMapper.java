package ru.frmr.registry.relay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.kit.relay.IntegrationEventMapper;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.WorkerRegisteredEvent;

/**
 * What the registry tells the rest of the platform. Only names and which sections changed leave the
 * service: СНИЛС, birth date and contact values never do.
 */
@Component
class RegistryEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
        if (domainEvent instanceof WorkerRegisteredEvent e) {
            return Optional.of(new WorkerRegistered(e.workerId(), e.lastName(), e.firstName(), e.middleName(),
                    occurredAt));
        }
        if (domainEvent instanceof ContactsUpdatedEvent e) {
            return Optional.of(new ProfileUpdated(e.workerId(), List.of(ProfileSection.CONTACTS),
                    e.profileVersion(), occurredAt));
        }
        return Optional.empty();
    }
}
