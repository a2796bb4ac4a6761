package ru.frmr.auth.command;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.ReleaseSessionCommand;
import ru.frmr.auth.api.SessionEndedEvent;

/**
 * Tells the account when one of its sessions ends, however it ended, so the concurrent-session limit
 * counts only live ones. A tracking processor: it catches up after a restart; the command is a no-op for a
 * session the account no longer counts, so a re-delivered event changes nothing.
 */
@Component
@ProcessingGroup("account-session-release")
class SessionRelease {

    private final CommandGateway commands;

    SessionRelease(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(SessionEndedEvent event) {
        commands.sendAndWait(new ReleaseSessionCommand(event.accountId(), event.sessionId(), event.at()));
    }
}
