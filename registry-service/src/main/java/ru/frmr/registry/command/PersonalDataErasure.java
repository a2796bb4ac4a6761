package ru.frmr.registry.command;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import ru.frmr.kit.axon.ActorResolver;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.registry.api.ErasePersonalDataCommand;

/** An administrator's order to erase a worker's personal data (crypto-shredding); the record stays. */
@Service
public class PersonalDataErasure {

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ActorResolver actors;
    private final Clock clock;

    public PersonalDataErasure(CommandGateway commands, EventStore eventStore, ActorResolver actors, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.actors = actors;
        this.clock = clock;
    }

    public void erase(String workerId, String reason) {
        if (eventStore.lastSequenceNumberFor(workerId).isEmpty()) {
            throw new NotFoundException("No worker with this id.");
        }
        commands.sendAndWait(new ErasePersonalDataCommand(workerId, reason, actors.currentActor(), clock.instant()));
    }
}
