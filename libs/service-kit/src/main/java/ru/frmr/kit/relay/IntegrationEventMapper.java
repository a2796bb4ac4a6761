package ru.frmr.kit.relay;

import java.time.Instant;
import java.util.Optional;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A service's translation of its domain events (Axon, private) into integration events (Kafka,
 * public contracts). Domain events without a counterpart map to empty and are not published.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    /** @param occurredAt when the domain event was stored: use it for the integration event's own time fields */
    Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt);
}
