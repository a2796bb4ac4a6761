package ru.frmr.registry.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
 * (a blocked account leaves it). Status events name the account, not the worker: the record's own
 * {@code WorkerAccountLinkedEvent} links the two ({@code AccountLinkProjection}). The provisioning event, earlier on
 * the same partition (key = account id), marks a medical worker's account, so a status that arrives before the link
 * is projected fails and is retried instead of being lost; a repeated one records nothing (the record keeps the
 * newest by auth-service's time).
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
            if (account.medicalWorker()) {
                statuses.expectRecord(account.accountId());
            }
        } else if (EventTypes.ACCOUNT_STATUS_CHANGED.equals(event.type())) {
            AccountStatusChanged change = read(event, AccountStatusChanged.class);
            statuses.changed(change.accountId(), change.status(), change.at());
            Optional<String> worker = statuses.workerOf(change.accountId());
            if (worker.isPresent()) {
                commands.sendAndWait(
                        new RecordAccountStatusCommand(worker.get(), change.accountId(), change.status(), change.at()));
            } else if (statuses.expectsRecord(change.accountId())) {
                throw new IllegalStateException("Account " + change.accountId() + " is not linked to its record yet");
            }
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
