package ru.frmr.notification.delivery.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.notification.delivery.api.DeliveryAttemptFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryAttemptStartedEvent;
import ru.frmr.notification.delivery.api.DeliveryFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryQueuedEvent;
import ru.frmr.notification.delivery.api.DeliveryRetriedEvent;
import ru.frmr.notification.delivery.api.DeliverySentEvent;
import ru.frmr.notification.delivery.query.DeliveryRecord.Status;

/**
 * Keeps {@code deliveries} in step with the Delivery aggregates. Every write sets values (none adds), so an event
 * handled twice leaves the same document; a replay rebuilds it, sealed fields of a message still pending included.
 */
@Component
@ProcessingGroup(DeliveryProjection.GROUP)
class DeliveryProjection {

    static final String GROUP = "deliveries";

    private final MongoTemplate mongo;

    DeliveryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(DeliveryQueuedEvent e) {
        mongo.upsert(byId(e.notificationId()), new Update().set("sourceEventId", e.sourceEventId())
                .set("kind", e.kind()).set("channel", e.channel()).set("recipientKey", e.recipientKey())
                .set("sealedFields", e.sealedFields()).set("status", Status.PENDING).set("dueAt", e.dueAt())
                .set("attempts", 0).set("queuedAt", e.queuedAt()), DeliveryRecord.class);
    }

    @EventHandler
    void on(DeliveryAttemptStartedEvent e) {
        // Not looked at again until the claim's lease runs out: by then it is sent, failed or to be reclaimed.
        mongo.updateFirst(byId(e.notificationId()), new Update().set("attempts", e.attempt())
                .set("dueAt", e.leaseUntil()), DeliveryRecord.class);
    }

    @EventHandler
    void on(DeliveryAttemptFailedEvent e) {
        mongo.updateFirst(byId(e.notificationId()), Update.update("dueAt", e.nextAttemptAt()), DeliveryRecord.class);
    }

    @EventHandler
    void on(DeliverySentEvent e) {
        mongo.updateFirst(byId(e.notificationId()), new Update().set("status", Status.SENT)
                .set("attempts", e.attempts()).set("sentAt", e.sentAt()).unset("sealedFields").unset("dueAt"),
                DeliveryRecord.class);
    }

    @EventHandler
    void on(DeliveryFailedEvent e) {
        mongo.updateFirst(byId(e.notificationId()), new Update().set("status", Status.FAILED)
                .set("attempts", e.attempts()).set("reason", e.reason()).set("failedAt", e.failedAt())
                .unset("dueAt"), DeliveryRecord.class);
    }

    @EventHandler
    void on(DeliveryRetriedEvent e) {
        // An operator's retry starts the message's budgets afresh, the outage budget included.
        mongo.updateFirst(byId(e.notificationId()), new Update().set("status", Status.PENDING).set("attempts", 0)
                .set("dueAt", e.retriedAt()).set("queuedAt", e.retriedAt()).unset("reason").unset("failedAt"),
                DeliveryRecord.class);
    }

    private static Query byId(String notificationId) {
        return Query.query(Criteria.where("_id").is(notificationId));
    }
}
