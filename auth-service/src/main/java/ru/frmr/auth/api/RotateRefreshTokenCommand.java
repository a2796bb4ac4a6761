package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Exchanges the presented refresh token for a new one. Answers a {@link Rotation}. Hashes only.
 */
public record RotateRefreshTokenCommand(@TargetAggregateIdentifier String sessionId, String presentedHash,
                                        String newHash, Instant at) {

    @Override
    public String toString() {
        return "RotateRefreshTokenCommand[sessionId=" + sessionId + "]";
    }
}
