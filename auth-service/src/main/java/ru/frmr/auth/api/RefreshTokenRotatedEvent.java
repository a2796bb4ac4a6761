package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: the session's refresh token is now the one hashing to {@code newHash}; the previous one is spent. */
@Revision("1")
public record RefreshTokenRotatedEvent(String sessionId, String accountId, String newHash, Instant at) {

    @Override
    public String toString() {
        return "RefreshTokenRotatedEvent[sessionId=" + sessionId + "]";
    }
}
