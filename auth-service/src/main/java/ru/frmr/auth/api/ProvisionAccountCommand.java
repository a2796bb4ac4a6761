package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the account of a person logging in for the first time.
 *
 * @param accountId derived from the identity provider's subject, so two simultaneous first logins of one
 *                  person address the same aggregate and only one can create it
 * @param medicalWorker the person logs in as a medical worker: the registry creates their record and tells
 *                      this account its registry number
 */
public record ProvisionAccountCommand(@TargetAggregateIdentifier String accountId, String esiaOid, PersonData person,
                                      boolean medicalWorker, AccountStatus status, Instant at) {

    @Override
    public String toString() {
        return "ProvisionAccountCommand[accountId=" + accountId + "]";
    }
}
