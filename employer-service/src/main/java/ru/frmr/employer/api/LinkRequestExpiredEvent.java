package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** @param expiredAt when the sweeper found it past its deadline (not the deadline itself) */
@Revision("1")
public record LinkRequestExpiredEvent(String membershipId, String organizationId, String workerId, String requestId,
                                      LinkInitiator initiatedBy, Instant expiredAt) {
}
