package ru.frmr.registry.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.api.Snils;
import ru.frmr.registry.api.UpdateContactsCommand;
import ru.frmr.registry.api.WorkerRegisteredEvent;

/** A medical worker's record: the consistency boundary for everything the worker keeps here. */
@Aggregate
class MedicalWorker {

    @AggregateIdentifier
    private String workerId;
    private String email;
    private String mobile;
    private long profileVersion;

    MedicalWorker() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    MedicalWorker(RegisterWorkerCommand command) {
        // The web layer validates too; the aggregate does not trust its callers (ESIA provisioning comes later).
        if (Snils.parse(command.snils()).isEmpty()) {
            throw new BusinessRuleException("snils", "is not a valid СНИЛС");
        }
        requireText(command.lastName(), "lastName");
        requireText(command.firstName(), "firstName");
        if (command.birthDate() == null) {
            throw new BusinessRuleException("birthDate", "is required");
        }
        apply(new WorkerRegisteredEvent(command.workerId(), command.lastName(), command.firstName(),
                command.middleName(), command.birthDate(), Snils.parse(command.snils()).orElseThrow().digits(),
                command.email(), command.mobile()));
    }

    @CommandHandler
    void handle(UpdateContactsCommand command) {
        if (Objects.equals(command.email(), email) && Objects.equals(command.mobile(), mobile)) {
            return; // nothing changed: a repeated PUT produces no event
        }
        apply(new ContactsUpdatedEvent(workerId, command.email(), command.mobile(), profileVersion + 1));
    }

    @EventSourcingHandler
    void on(WorkerRegisteredEvent event) {
        workerId = event.workerId();
        email = event.email();
        mobile = event.mobile();
        profileVersion = 1;
    }

    @EventSourcingHandler
    void on(ContactsUpdatedEvent event) {
        email = event.email();
        mobile = event.mobile();
        profileVersion = event.profileVersion();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleException(field, "is required");
        }
    }
}
