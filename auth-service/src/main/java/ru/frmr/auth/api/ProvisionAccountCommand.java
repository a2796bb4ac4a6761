package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the account of a person logging in for the first time.
 *
 * @param accountId derived from the identity provider's subject, so two simultaneous first logins of one
 *                  person address the same aggregate and only one can create it
 * @param workerId  {@code WorkerIds.idFor(snils)} for medical workers, else null
 */
public record ProvisionAccountCommand(@TargetAggregateIdentifier String accountId, String esiaOid, PersonData person,
                                      String workerId, AccountStatus status, Instant at) {

    @Override
    public String toString() {
        return "ProvisionAccountCommand[accountId=" + accountId + "]";
    }
}
