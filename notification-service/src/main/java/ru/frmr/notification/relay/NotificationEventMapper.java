package ru.frmr.notification.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.kit.relay.IntegrationEventMapper;

/**
 * What notification-service tells the rest of the platform on {@code frmr.notification.events}: which notice went
 * out or failed on which channel, and support requests filed and answered. Ids, kinds, channels, counts and
 * statuses: never an address, a notice's text or a request's text.
 */
@Component
class NotificationEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
        // [deliveries: H-delivery] NotificationSent, NotificationFailed
        // [support: H-support] SupportRequestFiled, SupportRequestAnswered
        return Optional.empty();
    }
}
