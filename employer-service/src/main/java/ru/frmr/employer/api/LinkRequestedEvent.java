package ru.frmr.employer.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record LinkRequestedEvent(String membershipId, String organizationId, String workerId, String requestId,
                                 LinkInitiator initiatedBy, String contractNumber, LocalDate contractDate,
                                 Instant requestedAt, Instant expiresAt) {
}
