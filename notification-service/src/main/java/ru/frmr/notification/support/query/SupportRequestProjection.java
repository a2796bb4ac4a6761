package ru.frmr.notification.support.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.notification.support.api.SupportAnswerOverdueEvent;
import ru.frmr.notification.support.api.SupportRequestAnsweredEvent;
import ru.frmr.notification.support.api.SupportRequestClosedEvent;
import ru.frmr.notification.support.api.SupportRequestFiledEvent;
import ru.frmr.notification.support.api.SupportRequestReopenedEvent;
import ru.frmr.notification.support.api.SupportRequestTakenEvent;
import ru.frmr.notification.support.api.SupportPolicy;
import ru.frmr.notification.support.api.SupportStatus;
import ru.frmr.notification.support.query.SupportMessageView.Author;

/**
 * Keeps {@link SupportRequestView}s and their messages. Each update applies only over an older version of the
 * view (the event's sequence number), and messages are keyed by event id: a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(SupportRequestProjection.GROUP)
public class SupportRequestProjection {

    public static final String GROUP = "support-requests";

    private final MongoTemplate mongo;

    SupportRequestProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SupportRequestFiledEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        try {
            mongo.insert(new SupportRequestView(e.requestId(), e.ticketNumber(), e.topic(), e.requesterAccountId(),
                    e.answerChannel(), SupportStatus.NEW, e.filedAt(), e.answerDueAt(), null, null, null, false,
                    sequence));
        } catch (DuplicateKeyException seenBefore) {
            // The same event again: the view exists, possibly further on.
        }
        message(eventId, e.requestId(), Author.REQUESTER, e.sealedText(), e.filedAt(), sequence);
    }

    @EventHandler
    void on(SupportRequestTakenEvent e, @SequenceNumber long sequence) {
        apply(e.requestId(), sequence, Update.update("status", SupportStatus.IN_WORK));
    }

    @EventHandler
    void on(SupportRequestAnsweredEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        apply(e.requestId(), sequence, Update.update("status", SupportStatus.ANSWERED)
                .set("answeredAt", e.answeredAt()).set("autoCloseAt", e.answeredAt().plus(SupportPolicy.REOPEN_WINDOW)));
        message(eventId, e.requestId(), Author.SUPPORT, e.sealedText(), e.answeredAt(), sequence);
    }

    @EventHandler
    void on(SupportRequestReopenedEvent e, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        apply(e.requestId(), sequence, Update.update("status", SupportStatus.IN_WORK)
                .set("answerDueAt", e.answerDueAt()).set("autoCloseAt", null).set("closedAt", null)
                .set("overdueSettled", false));
        message(eventId, e.requestId(), Author.REQUESTER, e.sealedText(), e.reopenedAt(), sequence);
    }

    @EventHandler
    void on(SupportRequestClosedEvent e, @SequenceNumber long sequence) {
        apply(e.requestId(), sequence, Update.update("status", SupportStatus.CLOSED).set("closedAt", e.closedAt())
                .set("autoCloseAt", null));
    }

    @EventHandler
    void on(SupportAnswerOverdueEvent e, @SequenceNumber long sequence) {
        apply(e.requestId(), sequence, Update.update("overdueSettled", true));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SupportRequestView.class);
        mongo.dropCollection(SupportMessageView.class);
    }

    private void apply(String requestId, long sequence, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("version").lt(sequence)),
                update.set("version", sequence), SupportRequestView.class);
    }

    private void message(String eventId, String requestId, Author author, String sealedText, java.time.Instant at,
                         long sequence) {
        try {
            mongo.insert(new SupportMessageView(eventId, requestId, author, sealedText, at, sequence));
        } catch (DuplicateKeyException seenBefore) {
            // The same event again.
        }
    }
}
