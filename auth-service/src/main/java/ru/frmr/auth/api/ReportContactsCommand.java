package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * At a login the identity provider tells the person's current verified contacts. The account compares them with the
 * ones it holds and answers a {@link ContactReport}. Carries plain values and is never stored.
 *
 * @param changeId the id a contact change gets should this report start one
 * @param email    the verified e-mail the provider reports, null when it knows none
 * @param mobile   the verified mobile number the provider reports, null when it knows none
 */
public record ReportContactsCommand(@TargetAggregateIdentifier String accountId, String changeId, String email,
                                    String mobile, Instant at) {

    @Override
    public String toString() {
        return "ReportContactsCommand[accountId=" + accountId + "]";
    }
}
