package ru.frmr.notification.delivery;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.kit.crypto.SubjectShreddedException;
import ru.frmr.notification.delivery.api.QueueDeliveryCommand;

/**
 * The outbox as a Delivery aggregate per message: queuing the same notificationId again finds the aggregate's
 * stream already there and changes nothing. The template's values are sealed under the recipient's key before
 * they are stored; a recipient already erased gets a delivery with nothing readable, which fails as
 * RECIPIENT_ERASED without anything being sent.
 */
@Component
class DeliveryOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutbox.class);

    private final CommandGateway commands;
    private final PersonalDataCipher cipher;

    DeliveryOutbox(CommandGateway commands, PersonalDataCipher cipher) {
        this.commands = commands;
        this.cipher = cipher;
    }

    @Override
    public void enqueue(OutboxEntry entry) {
        Instant dueAt = entry.notBefore() != null && entry.notBefore().isAfter(entry.queuedAt())
                ? entry.notBefore() : entry.queuedAt();
        try {
            commands.sendAndWait(new QueueDeliveryCommand(entry.notificationId(), entry.sourceEventId(),
                    entry.kind(), entry.channel(), entry.recipientKey(), seal(entry), dueAt, entry.queuedAt()));
        } catch (AggregateStreamCreationException | ConcurrencyException queuedBefore) {
            // The stream of this notificationId exists: the message is queued (or already sent) once, as wanted.
            log.debug("Notification {} was queued before", entry.notificationId());
        }
    }

    private Map<String, String> seal(OutboxEntry entry) {
        Map<String, String> sealed = new HashMap<>();
        try {
            entry.fields().forEach((name, value) -> sealed.put(name, cipher.encrypt(Recipient.subjectOf(entry.recipientKey()), value)));
        } catch (SubjectShreddedException erased) {
            return null;
        }
        return sealed;
    }
}
