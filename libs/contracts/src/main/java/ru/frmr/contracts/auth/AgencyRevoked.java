package ru.frmr.contracts.auth;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** An agency's access ended: its Kafka credentials and ACLs are removed; its webhooks and clients stop too. */
public record AgencyRevoked(String agencyId, Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return agencyId;
    }
}
