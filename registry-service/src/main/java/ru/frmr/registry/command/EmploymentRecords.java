package ru.frmr.registry.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.CorrectEmploymentCommand;
import ru.frmr.registry.api.EndEmploymentCommand;
import ru.frmr.registry.api.RecordEmploymentCommand;

/**
 * The command side's entry point for what employers report. A report about a worker the registry does not
 * know is refused like any other bad data: employers reach workers through link requests naming registry
 * ids, so an unknown id is an error at the source, not a record still on its way.
 */
@Service
public class EmploymentRecords {

    private final CommandGateway commands;

    public EmploymentRecords(CommandGateway commands) {
        this.commands = commands;
    }

    public void record(RecordEmploymentCommand command) {
        send(command);
    }

    public void correct(CorrectEmploymentCommand command) {
        send(command);
    }

    public void end(EndEmploymentCommand command) {
        send(command);
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleException("workerId", "is not a registered worker");
        }
    }
}
