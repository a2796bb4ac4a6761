package ru.frmr.auth.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Domain event: the account decided that these of its sessions end (the person ended them, logged out, the account
 * was blocked, the concurrent-session limit or a session's time ran out). The account stops counting them at once; a
 * processor ends each {@code Session}, which then records {@link SessionEndedEvent}.
 */
@Revision("1")
public record AccountSessionsEndedEvent(String accountId, List<String> sessionIds, SessionEndReason reason,
                                        Instant at) {

    public AccountSessionsEndedEvent {
        sessionIds = List.copyOf(sessionIds);
    }
}
