package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An administrator's decision. Answers the ids of the sessions it ends (a block ends all open ones), else none.
 */
public record ChangeAccountStatusCommand(@TargetAggregateIdentifier String accountId, StatusChange change,
                                         Instant at) {

    public enum StatusChange {
        /** Any status to BLOCKED. */
        BLOCK,
        /** BLOCKED back to what it was before. */
        UNBLOCK,
        /** NEEDS_CONFIRMATION to ACTIVE. */
        ACTIVATE
    }
}
