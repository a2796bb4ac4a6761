package ru.frmr.auth.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.AccountSessionsEndedEvent;
import ru.frmr.auth.api.EndSessionCommand;

/**
 * Ends the sessions an account decided to end. A tracking processor: it catches up after a restart, and ending an
 * ended session is a no-op, so a re-delivered event changes nothing. It sends nothing back to the account.
 */
@Component
@ProcessingGroup(SessionEnding.PROCESSING_GROUP)
class SessionEnding {

    static final String PROCESSING_GROUP = "session-ending";

    private final CommandGateway commands;

    SessionEnding(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AccountSessionsEndedEvent event) {
        event.sessionIds().forEach(id -> commands.sendAndWait(new EndSessionCommand(id, event.reason(), event.at())));
    }
}
