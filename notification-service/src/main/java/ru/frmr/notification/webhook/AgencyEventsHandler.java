package ru.frmr.notification.webhook;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.Topics;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * A revoked agency's webhooks stop: its subscriptions are disabled and their pending deliveries cancelled
 * (consumer group {@code <app>.webhook-agencies}). Disabling twice changes nothing.
 */
@Component
class AgencyEventsHandler implements IntegrationEventHandler {

    /** auth-service's AgencyRevoked, named as EventTypes names the auth events. */
    static final String AGENCY_REVOKED = "ru.frmr.auth.AgencyRevoked.v1";
    static final String REVOKED_REASON = "the agency was revoked";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(AgencyEventsHandler.class);

    private final Subscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    AgencyEventsHandler(Subscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @Override
    public String consumerName() {
        return "webhook-agencies";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.AUTH_EVENTS);
    }

    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!AGENCY_REVOKED.equals(event.type())) {
            return;
        }
        String agencyId = agencyId(event);
        List<String> disabled = subscriptions.disableAllOf(agencyId, REVOKED_REASON);
        disabled.forEach(id -> deliveries.cancelPending(id, REVOKED_REASON));
        if (!disabled.isEmpty()) {
            log.info("Agency {} revoked: {} webhook subscriptions disabled", agencyId, disabled.size());
        }
    }

    private static String agencyId(ReceivedEvent event) {
        try {
            JsonNode id = JSON.readTree(event.data()).get("agencyId");
            if (id == null || !id.isTextual() || !WebhookAccess.AGENCY_ID.matcher(id.asText()).matches()) {
                throw new PoisonEventException(event.type() + " " + event.id() + " names no agencyId");
            }
            return id.asText();
        } catch (IOException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
    }
}
