package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.frmr.contracts.auth.LoginMethod;

/**
 * Records a completed login on the account. Answers a {@link SessionStart}: refused (blocked, locked,
 * unconfirmed), or started with the sessions that had to end to stay within the concurrent-session limit.
 *
 * @param email the person's current verified e-mail (where one-time codes go), null when unknown
 */
public record StartSessionCommand(@TargetAggregateIdentifier String accountId, String sessionId, LoginMethod method,
                                  String email, Instant at) {

    @Override
    public String toString() {
        return "StartSessionCommand[accountId=" + accountId + ", sessionId=" + sessionId + "]";
    }
}
