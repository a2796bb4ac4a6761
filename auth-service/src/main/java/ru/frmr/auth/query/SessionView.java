package ru.frmr.auth.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.contracts.auth.LoginMethod;

/**
 * Read model of a session, for the "active sessions" list.
 *
 * @param userAgent the device as its browser names itself
 * @param endReason null while open
 */
@Document(SessionView.COLLECTION)
public record SessionView(@Id String id, String accountId, LoginMethod method, String userAgent, String ip,
                          Instant startedAt, Instant lastSeenAt, Instant endedAt, String endReason, long version) {

    public static final String COLLECTION = "session_views";

    @Override
    public String toString() {
        return "SessionView[id=" + id + "]";
    }
}
