package ru.frmr.notification.delivery.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.notification.delivery.api.DeliveryAttemptFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryAttemptStartedEvent;
import ru.frmr.notification.delivery.api.DeliveryFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryFailure;
import ru.frmr.notification.delivery.api.DeliveryQueuedEvent;
import ru.frmr.notification.delivery.api.DeliveryRetriedEvent;
import ru.frmr.notification.delivery.api.DeliverySentEvent;
import ru.frmr.notification.delivery.api.FailDeliveryCommand;
import ru.frmr.notification.delivery.api.QueueDeliveryCommand;
import ru.frmr.notification.delivery.api.RecordAttemptFailedCommand;
import ru.frmr.notification.delivery.api.RecordDeliverySentCommand;
import ru.frmr.notification.delivery.api.RetryDeliveryCommand;
import ru.frmr.notification.delivery.api.StartDeliveryAttemptCommand;
import ru.frmr.notification.notice.NoticeKind;

/**
 * One message on one channel (id = notificationId). It decides who may attempt it and when: an attempt is claimed
 * before anything is sent, and a second claim is refused while the first one's lease runs, so replicas sweeping at
 * the same time never send it twice at once. Once sent or failed, nothing more happens unless an operator retries
 * a failure that may still be delivered.
 */
@Aggregate
class Delivery {

    private enum Status { PENDING, SENT, FAILED }

    @AggregateIdentifier
    private String notificationId;
    private String sourceEventId;
    private NoticeKind kind;
    private NotificationChannel channel;
    private String recipientKey;
    private Status status;
    private Instant dueAt;
    private int attempts;
    private Instant leaseUntil;
    private DeliveryFailure failure;

    Delivery() {
    }

    @CommandHandler
    Delivery(QueueDeliveryCommand command) {
        apply(new DeliveryQueuedEvent(command.notificationId(), command.sourceEventId(), command.kind(),
                command.channel(), command.recipientKey(), command.sealedFields(), command.dueAt(),
                command.queuedAt()));
    }

    /** @return the attempt's number, 0 when it is not to be attempted now */
    @CommandHandler
    int handle(StartDeliveryAttemptCommand command) {
        boolean claimedByAnother = leaseUntil != null && command.at().isBefore(leaseUntil);
        if (status != Status.PENDING || command.at().isBefore(dueAt) || claimedByAnother) {
            return 0;
        }
        int attempt = attempts + 1;
        apply(new DeliveryAttemptStartedEvent(notificationId, attempt, command.leaseUntil(), command.at()));
        return attempt;
    }

    @CommandHandler
    void handle(RecordDeliverySentCommand command) {
        // Sent is sent, whichever attempt it was: a late answer from an attempt whose lease ran out still counts.
        if (status != Status.PENDING) {
            return;
        }
        apply(new DeliverySentEvent(notificationId, sourceEventId, kind, channel, recipientKey,
                command.templateVersion(), command.segments(), Math.max(attempts, command.attempt()),
                command.sentAt()));
    }

    @CommandHandler
    void handle(RecordAttemptFailedCommand command) {
        // Only the attempt holding the claim may move the message on; a stale one changes nothing.
        if (status != Status.PENDING || command.attempt() != attempts || leaseUntil == null) {
            return;
        }
        apply(new DeliveryAttemptFailedEvent(notificationId, command.attempt(), command.nextAttemptAt(),
                command.failedAt()));
    }

    /** @return false when it was already sent or failed */
    @CommandHandler
    boolean handle(FailDeliveryCommand command) {
        if (status != Status.PENDING) {
            return false;
        }
        apply(new DeliveryFailedEvent(notificationId, sourceEventId, kind, channel, recipientKey, command.reason(),
                attempts, command.failedAt()));
        return true;
    }

    @CommandHandler
    void handle(RetryDeliveryCommand command) {
        if (status != Status.FAILED) {
            throw new ConflictException("notificationId", "The notification has not failed.");
        }
        if (!failure.retriable()) {
            throw new BusinessRuleException("notificationId",
                    "The recipient's data were erased: nothing more is sent to them.");
        }
        apply(new DeliveryRetriedEvent(notificationId, command.at()));
    }

    @EventSourcingHandler
    void on(DeliveryQueuedEvent event) {
        notificationId = event.notificationId();
        sourceEventId = event.sourceEventId();
        kind = event.kind();
        channel = event.channel();
        recipientKey = event.recipientKey();
        status = Status.PENDING;
        dueAt = event.dueAt();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptStartedEvent event) {
        attempts = event.attempt();
        leaseUntil = event.leaseUntil();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptFailedEvent event) {
        leaseUntil = null;
        dueAt = event.nextAttemptAt();
    }

    @EventSourcingHandler
    void on(DeliverySentEvent event) {
        status = Status.SENT;
        leaseUntil = null;
    }

    @EventSourcingHandler
    void on(DeliveryFailedEvent event) {
        status = Status.FAILED;
        failure = event.reason();
        leaseUntil = null;
    }

    @EventSourcingHandler
    void on(DeliveryRetriedEvent event) {
        status = Status.PENDING;
        failure = null;
        attempts = 0;
        dueAt = event.retriedAt();
    }
}
