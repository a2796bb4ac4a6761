package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import ru.frmr.contracts.auth.LoginMethod;

/** Domain event. {@code refreshHash} is a SHA-256 of a 256-bit random secret: it cannot be turned back into the token. */
@Revision("1")
public record SessionOpenedEvent(String sessionId, String accountId, LoginMethod method, SessionClaims claims,
                                 String refreshHash, String userAgent, String ip, Instant at) {

    @Override
    public String toString() {
        return "SessionOpenedEvent[sessionId=" + sessionId + "]";
    }
}
