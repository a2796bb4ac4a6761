package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * A supervisory agency was registered on the platform (it may be given Kafka credentials, machine clients and
 * webhooks).
 *
 * @param agencyId   {@code ag-} and 12 lower-case base32 characters
 * @param regionCode the subject of the federation ({@code 01}..{@code 99}) of a regional health authority, else null
 */
public record AgencyOnboarded(String agencyId, String name, AgencyKind kind, String regionCode, Instant occurredAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return agencyId;
    }
}
