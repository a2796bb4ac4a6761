package ru.frmr.auth.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.RefreshTokenRotatedEvent;
import ru.frmr.auth.api.SessionEndedEvent;
import ru.frmr.auth.api.SessionOpenedEvent;

/** Keeps {@link SessionView} up to date. */
@Component
@ProcessingGroup("session-view")
class SessionProjection {

    private final MongoTemplate mongo;

    SessionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SessionOpenedEvent event, @SequenceNumber long sequence) {
        apply(event.sessionId(), sequence, new Update()
                .set("accountId", event.accountId())
                .set("method", event.method())
                .set("userAgent", event.userAgent())
                .set("ip", event.ip())
                .set("startedAt", event.at())
                .set("lastSeenAt", event.at()));
    }

    @EventHandler
    void on(RefreshTokenRotatedEvent event, @SequenceNumber long sequence) {
        apply(event.sessionId(), sequence, new Update().set("lastSeenAt", event.at()));
    }

    @EventHandler
    void on(SessionEndedEvent event, @SequenceNumber long sequence) {
        apply(event.sessionId(), sequence, new Update()
                .set("endedAt", event.at())
                .set("endReason", event.reason().name()));
    }

    private void apply(String id, long sequence, Update update) {
        Projections.applyIfNewer(mongo, SessionView.class, id, sequence, update);
    }
}
