package ru.frmr.notification.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.notification.SupportRequestAnswered;
import ru.frmr.contracts.notification.SupportRequestFiled;
import ru.frmr.kit.relay.IntegrationEventMapper;
import ru.frmr.notification.support.api.SupportRequestAnsweredEvent;
import ru.frmr.notification.support.api.SupportRequestFiledEvent;

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
        if (domainEvent instanceof SupportRequestFiledEvent e) {
            return Optional.of(new SupportRequestFiled(e.requestId(), e.ticketNumber(), e.topic(),
                    e.requesterAccountId(), e.answerChannel(), e.answerDueAt(), e.filedAt()));
        }
        if (domainEvent instanceof SupportRequestAnsweredEvent e) {
            return Optional.of(new SupportRequestAnswered(e.requestId(), e.ticketNumber(), e.officerAccountId(),
                    e.late(), e.answeredAt()));
        }
        return Optional.empty();
    }
}
