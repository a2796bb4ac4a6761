package ru.frmr.notification.webhook;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AgencyRevoked;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * A revoked agency's webhooks stop: the agency is recorded as revoked (so its subscriptions cannot be created or
 * enabled again, nor sent to), its subscriptions are disabled and their pending deliveries cancelled (consumer group
 * {@code <app>.webhook-agencies}). Handling the event twice changes nothing.
 */
@Component
class AgencyEventsHandler implements IntegrationEventHandler {

    static final String REVOKED_REASON = "the agency was revoked";
    private static final Logger log = LoggerFactory.getLogger(AgencyEventsHandler.class);

    private final Subscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final RevokedAgencies revoked;

    AgencyEventsHandler(Subscriptions subscriptions, WebhookDeliveries deliveries, RevokedAgencies revoked) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.revoked = revoked;
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
        if (!EventTypes.AGENCY_REVOKED.equals(event.type())) {
            return;
        }
        AgencyRevoked revocation = event.payload(AgencyRevoked.class);
        String agencyId = revocation.agencyId();
        // Recorded before disabling: an enable racing with this handler then sees the agency revoked.
        revoked.revoke(agencyId, revocation.occurredAt());
        List<String> disabled = subscriptions.disableAllOf(agencyId, REVOKED_REASON);
        disabled.forEach(id -> deliveries.cancelPending(id, REVOKED_REASON));
        if (!disabled.isEmpty()) {
            log.info("Agency {} revoked: {} webhook subscriptions disabled", agencyId, disabled.size());
        }
    }
}
