package ru.frmr.audit.alerts;

import java.util.Collection;
import java.util.List;

import ru.frmr.contracts.Topics;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Feeds the anomaly rules from the topics they watch. Idempotent by itself (a redelivered event adds a key the
 * window already holds), so the kit keeps no processed-event record for it.
 */
class AlertEventHandler implements IntegrationEventHandler {

    private final AlertEngine engine;

    AlertEventHandler(AlertEngine engine) {
        this.engine = engine;
    }

    @Override
    public String consumerName() {
        return "audit-alerts";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.AUTH_EVENTS, Topics.REGISTRY_EVENTS, Topics.ACCESS_EVENTS);
    }

    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        Observations.of(event).forEach(engine::observe);
    }
}
