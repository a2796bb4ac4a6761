package ru.frmr.notification.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.notification.NotificationFailed;
import ru.frmr.contracts.notification.NotificationSent;
import ru.frmr.contracts.notification.SupportRequestAnswered;
import ru.frmr.contracts.notification.SupportRequestFiled;
import ru.frmr.kit.relay.IntegrationEventMapper;
import ru.frmr.notification.delivery.api.DeliveryFailedEvent;
import ru.frmr.notification.delivery.api.DeliverySentEvent;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.people.SealedAddressBook;
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
        if (domainEvent instanceof DeliverySentEvent e) {
            return Optional.of(new NotificationSent(e.notificationId(), e.sourceEventId(), e.kind().name(),
                    e.channel(), recipient(e.recipientKey()), e.templateVersion(), e.segments(), e.attempts(), e.sentAt()));
        }
        if (domainEvent instanceof DeliveryFailedEvent e) {
            return Optional.of(new NotificationFailed(e.notificationId(), e.sourceEventId(), e.kind().name(),
                    e.channel(), recipient(e.recipientKey()), e.reason().name(), e.attempts(), e.failedAt()));
        }

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

    /**
     * The recipient as subscribers know it: the warning about a contact change that goes to the e-mail held before
     * it is still the account's notice.
     */
    private static String recipient(String recipientKey) {
        String subject = Recipient.subjectOf(recipientKey);
        return subject.startsWith(SealedAddressBook.PREVIOUS_EMAIL)
                ? subject.substring(SealedAddressBook.PREVIOUS_EMAIL.length()) : subject;
    }
}
