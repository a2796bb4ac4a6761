package ru.frmr.employer.consumer;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.employer.query.WorkerDirectory;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Workers' names from the registry, for HR's lists: {@code WorkerRegistered} records the ФИО,
 * {@code PersonalDataErased} removes it for good. The kit skips event ids already applied, and both writes are
 * idempotent themselves; an event that breaks its schema goes to the dead-letter topic.
 */
@Component
class WorkerDirectoryHandler implements IntegrationEventHandler {

    private final WorkerDirectory directory;

    WorkerDirectoryHandler(WorkerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String consumerName() {
        return "worker-directory";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.REGISTRY_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case EventTypes.WORKER_REGISTERED -> {
                WorkerRegistered e = event.payload(WorkerRegistered.class);
                directory.registered(e.workerId(), e.lastName(), e.firstName(), e.middleName(), e.registeredAt());
            }
            case EventTypes.PERSONAL_DATA_ERASED -> {
                PersonalDataErased e = event.payload(PersonalDataErased.class);
                directory.erased(e.workerId(), e.erasedAt());
            }
            default -> {
                // The rest of the registry's news is not about names.
            }
        }
    }

}
