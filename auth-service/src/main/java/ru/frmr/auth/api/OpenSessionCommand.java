package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.frmr.contracts.auth.LoginMethod;

/**
 * Creates a session.
 *
 * @param refreshHash SHA-256 (hex) of the first refresh token's secret; the token itself is never stored
 * @param userAgent   the device, as the browser names itself (shown in the session list)
 */
public record OpenSessionCommand(@TargetAggregateIdentifier String sessionId, String accountId, LoginMethod method,
                                 SessionClaims claims, String refreshHash, String userAgent, String ip,
                                 Instant at) {

    @Override
    public String toString() {
        return "OpenSessionCommand[sessionId=" + sessionId + "]";
    }
}
