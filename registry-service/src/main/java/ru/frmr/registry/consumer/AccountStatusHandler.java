package ru.frmr.registry.consumer;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.registry.query.AccountStatuses;

/**
 * Follows the worker's login account so the cabinet can say whether it is active, blocked or awaiting
 * confirmation. Status events name the account, not the worker: the record's own {@code WorkerAccountLinkedEvent}
 * links the two ({@code AccountLinkProjection}).
 */
@Component
class AccountStatusHandler implements IntegrationEventHandler {

    private final AccountStatuses statuses;

    AccountStatusHandler(AccountStatuses statuses) {
        this.statuses = statuses;
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
        if (EventTypes.ACCOUNT_STATUS_CHANGED.equals(event.type())) {
            AccountStatusChanged change = read(event, AccountStatusChanged.class);
            statuses.changed(change.accountId(), change.status(), change.at());
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
