package ru.frmr.registry.consumer;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.ActivationRequested;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.registry.query.ActivationQueue;

/**
 * Puts a person's request for activation (auth-service's {@code ActivationRequested}, made from the login page
 * of an unconfirmed account) into the registry administrators' queue, and takes it out as resolved once the
 * account's status changes. Both kinds come in order, as auth-service keys them by account.
 */
@Component
class ActivationRequestHandler implements IntegrationEventHandler {

    private static final String NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION";

    private final ActivationQueue queue;

    ActivationRequestHandler(ActivationQueue queue) {
        this.queue = queue;
    }

    @Override
    public String consumerName() {
        return "activation-queue";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.AUTH_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (EventTypes.ACTIVATION_REQUESTED.equals(event.type())) {
            ActivationRequested request = ConformingPayloads.read(event, ActivationRequested.class);
            queue.requested(event.id(), request.accountId(), request.at());
        } else if (EventTypes.ACCOUNT_STATUS_CHANGED.equals(event.type())) {
            AccountStatusChanged change = ConformingPayloads.read(event, AccountStatusChanged.class);
            if (!NEEDS_CONFIRMATION.equals(change.status())) {
                queue.accountStatusChanged(change.accountId(), change.status(), change.at());
            }
        }
    }

    /** Requests are written under their event id and resolutions only touch earlier requests. */
    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }
}
