package ru.frmr.registry.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.WorkerAccountLinkedEvent;

/** Which account logs in to which record, from the record's own events (an upsert: replays change nothing). */
@Component
@ProcessingGroup(WorkerProjection.PROCESSING_GROUP)
class AccountLinkProjection {

    private final AccountStatuses statuses;

    AccountLinkProjection(AccountStatuses statuses) {
        this.statuses = statuses;
    }

    @EventHandler
    void on(WorkerAccountLinkedEvent event) {
        statuses.linked(event.accountId(), event.workerId());
    }

    @ResetHandler
    void reset() {
        statuses.forgetLinks();
    }
}
