package ru.frmr.audit.access;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Keeps the per-worker read model of {@code frmr.access.events} (the ledger records the same events on its own).
 * Idempotent by access id, so the kit keeps no processed-event record for it.
 */
@Component
class AccessEventHandler implements IntegrationEventHandler {

    private final AccessRecords records;

    AccessEventHandler(AccessRecords records) {
        this.records = records;
    }

    @Override
    public String consumerName() {
        return "audit-access";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.ACCESS_EVENTS);
    }

    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (EventTypes.PERSONAL_DATA_ACCESSED.equals(event.type())) {
            records.add(event.payload(PersonalDataAccessed.class));
        }
    }
}
