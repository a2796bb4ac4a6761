package ru.frmr.auth.session;

import java.time.Instant;

import ru.frmr.contracts.auth.LoginMethod;

/** A session as its own event stream tells it, read when a request must know it is still open. */
public record SessionState(String sessionId, String accountId, LoginMethod method, Instant startedAt,
                           Instant lastSeenAt, boolean ended) {
}
