package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record LinkRequestAcceptedEvent(String membershipId, String organizationId, String workerId, String requestId,
                                 LinkInitiator initiatedBy, Instant answeredAt) {
}
