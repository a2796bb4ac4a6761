package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * An agency's SCRAM user got a new password (at onboarding and at each rotation); the password itself is never in
 * an event.
 *
 * @param username the agency's SCRAM user, {@code agency-<agencyId without "ag-">}
 */
public record AgencyKafkaCredentialsIssued(String agencyId, String username, Instant issuedAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return agencyId;
    }
}
