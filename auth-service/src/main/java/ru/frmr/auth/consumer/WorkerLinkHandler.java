package ru.frmr.auth.consumer;

import java.util.Collection;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.auth.command.Accounts;
import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * The registry announced the registry number of an account's worker: the account records it (a repeat records
 * nothing), and from then on its tokens carry it as {@code worker_id}. This is the only way auth-service learns
 * the number; it never computes one.
 */
@Component
class WorkerLinkHandler implements IntegrationEventHandler {

    private static final Logger log = LoggerFactory.getLogger(WorkerLinkHandler.class);

    private final Accounts accounts;

    WorkerLinkHandler(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String consumerName() {
        return "worker-link";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.REGISTRY_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!EventTypes.WORKER_ACCOUNT_LINKED.equals(event.type())) {
            return;
        }
        WorkerAccountLinked linked;
        try {
            linked = ContractJson.fromBytes(event.data(), WorkerAccountLinked.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
        if (linked.accountId() == null || linked.accountId().isBlank()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " names no account");
        }
        try {
            accounts.linkWorker(linked.accountId(), linked.workerId());
        } catch (AggregateNotFoundException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + " names an unknown account", e);
        }
        log.info("Account {} linked to worker {}", linked.accountId(), linked.workerId());
    }
}
