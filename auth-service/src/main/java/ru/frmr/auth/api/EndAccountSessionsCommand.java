package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the account to end sessions of its own. Answers the ids it ended (a {@code List<String>}): empty when it
 * counts no such session (another account's, or one that has ended already).
 *
 * @param which     {@code THIS}: the session {@code sessionId}; {@code ALL_BUT_THIS}: every other one
 */
public record EndAccountSessionsCommand(@TargetAggregateIdentifier String accountId, Which which, String sessionId,
                                        SessionEndReason reason, Instant at) {

    public enum Which {
        THIS,
        ALL_BUT_THIS
    }
}
