package ru.frmr.contracts;

/**
 * An event published to Kafka for other services and outside subscribers.
 * Implementations are immutable records; their JSON form is fixed by a JSON Schema in
 * {@code schemas/} and described by an {@link EventDescriptor} in {@link EventCatalog}.
 */
public interface IntegrationEvent {

    /** The aggregate the event is about: the CloudEvents {@code subject} and the Kafka record key. */
    String subject();
}
