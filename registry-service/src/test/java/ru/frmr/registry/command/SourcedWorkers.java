package ru.frmr.registry.command;

import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * A {@link MedicalWorker} sourced from a stream the way Axon's repository sources it: the first message (an event,
 * or a snapshot) makes the root, every later one goes through the event sourcing handlers.
 */
final class SourcedWorkers {

    private SourcedWorkers() {
    }

    static MedicalWorker from(DomainEventStream stream) {
        MedicalWorker root = new GenericAggregateFactory<>(MedicalWorker.class)
                .createAggregateRoot(stream.peek().getAggregateIdentifier(), stream.peek());
        EventSourcedAggregate<MedicalWorker> aggregate = EventSourcedAggregate.initialize(root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(MedicalWorker.class),
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(stream);
        return aggregate.getAggregateRoot();
    }
}
