package ru.frmr.contracts.employer;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/** Public contract: a medical organisation asked to link a worker to its staff. */
public record EmployerLinkRequested(String requestId, String organizationId, String workerId,
                                    Instant requestedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return requestId;
    }
}
