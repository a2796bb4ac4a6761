package ru.frmr.registry.command;

import java.time.Clock;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import ru.frmr.kit.axon.ActorResolver;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.registry.api.ApproveProfileChangeCommand;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RejectProfileChangeCommand;
import ru.frmr.registry.api.SubmitProfileChangeCommand;

/**
 * The command side of moderation: a worker submits changes of the record, an administrator decides. Each command
 * goes straight to the record it names; an unknown record is the aggregate's "not found" (404 by the kit).
 */
@Service
public class ProfileModeration {

    private final CommandGateway commands;
    private final ActorResolver actors;
    private final Clock clock;

    public ProfileModeration(CommandGateway commands, ActorResolver actors, Clock clock) {
        this.commands = commands;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * @param entryId the entry to correct or remove; null to add one (it gets a new id)
     * @return the change's id
     */
    public String submit(String workerId, ChangeKind kind, String entryId, RecordEntry entry) {
        String changeId = UUID.randomUUID().toString();
        String target = kind == ChangeKind.ADD && entryId == null ? UUID.randomUUID().toString() : entryId;
        commands.sendAndWait(new SubmitProfileChangeCommand(workerId, changeId, kind, target, entry,
                actors.currentActor(), clock.instant()));
        return changeId;
    }

    public void approve(String workerId, String changeId) {
        commands.sendAndWait(new ApproveProfileChangeCommand(workerId, changeId, actors.currentActor(),
                clock.instant(), moderatorWorkerId()));
    }

    public void reject(String workerId, String changeId, String reason) {
        commands.sendAndWait(new RejectProfileChangeCommand(workerId, changeId, reason, actors.currentActor(),
                clock.instant(), moderatorWorkerId()));
    }

    /** The deciding administrator's own registry record, as their token names it; null if none. */
    private static String moderatorWorkerId() {
        return CurrentUser.current().map(CurrentUser::workerId).orElse(null);
    }
}
