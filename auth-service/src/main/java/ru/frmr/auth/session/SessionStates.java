package ru.frmr.auth.session;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.RefreshTokenRotatedEvent;
import ru.frmr.auth.api.SessionEndedEvent;
import ru.frmr.auth.api.SessionOpenedEvent;

/**
 * Reads a session's state straight from its event stream (a handful of events), not from the read model:
 * a request made right after login, or right after the session was ended on another replica, must see
 * that at once, which an eventually consistent projection cannot promise.
 */
@Component
public class SessionStates {

    private final EventStore eventStore;

    SessionStates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<SessionState> find(String sessionId) {
        DomainEventStream stream = eventStore.readEvents(sessionId);
        SessionState state = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof SessionOpenedEvent e) {
                state = new SessionState(e.sessionId(), e.accountId(), e.method(), e.at(), e.at(), false);
            } else if (state != null && payload instanceof RefreshTokenRotatedEvent e) {
                state = new SessionState(state.sessionId(), state.accountId(), state.method(), state.startedAt(),
                        e.at(), false);
            } else if (state != null && payload instanceof SessionEndedEvent) {
                state = new SessionState(state.sessionId(), state.accountId(), state.method(), state.startedAt(),
                        state.lastSeenAt(), true);
            }
        }
        return Optional.ofNullable(state);
    }
}
