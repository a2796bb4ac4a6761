package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Confirms the account's waiting contact change: by the code mailed to the previous e-mail (already checked by the
 * caller) or by an administrator.
 *
 * @param changeId the change the code was mailed for; null for an administrator's confirmation of the waiting one
 */
public record ConfirmContactChangeCommand(@TargetAggregateIdentifier String accountId, String changeId,
                                          ContactConfirmation by, Instant at) {
}
