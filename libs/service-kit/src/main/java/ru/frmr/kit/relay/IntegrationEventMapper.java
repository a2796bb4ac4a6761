package ru.frmr.kit.relay;

import java.time.Instant;
import java.util.List;
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

    /**
     * Every integration event one domain event publishes, in the order they are sent. Override it where one
     * decision is news to several audiences (an approval is both a profile update for subscribers and the entry
     * itself for the services that keep a copy); the first keeps the domain event's id as its CloudEvents id, the
     * others get ids derived from it and their type, so each must be of a different type.
     */
    default List<IntegrationEvent> mapAll(Object domainEvent, Instant occurredAt) {
        return map(domainEvent, occurredAt).map(List::of).orElse(List.of());
    }
}
