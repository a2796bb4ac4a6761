package ru.frmr.auth.web;

import java.time.Instant;

import ru.frmr.auth.query.SessionView;

/** One line of "my active sessions". {@code device} is the browser's user agent. */
record SessionResponse(String id, String device, String ip, String method, Instant startedAt, Instant lastSeenAt,
                       boolean current) {

    static SessionResponse of(SessionView view, String currentSessionId) {
        return new SessionResponse(view.id(), view.userAgent(), view.ip(),
                view.method() == null ? null : view.method().name(), view.startedAt(), view.lastSeenAt(),
                view.id().equals(currentSessionId));
    }
}
