package ru.frmr.registry.consumer;

import java.util.Collection;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.registry.api.RecordAccountStatusCommand;
import ru.frmr.registry.query.AccountStatuses;

/**
 * Follows the worker's login account so the cabinet can say whether it is active, blocked or awaiting
 * confirmation, and records each status in the worker's record, whose events decide who the public register lists
 * (a blocked account leaves it). Status events name the account, not the worker: the provisioning event links the
 * two. A status arriving before the record exists fails and is retried (the record follows the same provisioning
 * event); a repeated one records nothing (the record keeps the newest by auth-service's time).
 */
@Component
class AccountStatusHandler implements IntegrationEventHandler {

    private final AccountStatuses statuses;
    private final CommandGateway commands;

    AccountStatusHandler(AccountStatuses statuses, CommandGateway commands) {
        this.statuses = statuses;
        this.commands = commands;
    }

    @Override
    public String consumerName() {
        return "account-status";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.AUTH_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (EventTypes.ACCOUNT_PROVISIONED.equals(event.type())) {
            AccountProvisioned account = read(event, AccountProvisioned.class);
            if (account.workerId() != null) {
                statuses.linked(account.accountId(), account.workerId());
            }
        } else if (EventTypes.ACCOUNT_STATUS_CHANGED.equals(event.type())) {
            AccountStatusChanged change = read(event, AccountStatusChanged.class);
            statuses.changed(change.accountId(), change.status(), change.at());
            statuses.workerOf(change.accountId()).ifPresent(workerId -> commands.sendAndWait(
                    new RecordAccountStatusCommand(workerId, change.accountId(), change.status(), change.at())));
        }
    }

    private static <T extends IntegrationEvent> T read(ReceivedEvent event, Class<T> type) {
        try {
            return ContractJson.fromBytes(event.data(), type);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
    }
}
