package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An employment began; its version is 1. */
@Revision("1")
public record WorkerHiredEvent(String membershipId, String organizationId, String workerId, String employmentId,
                               OrganizationRef organization, EmploymentTerms terms, long version,
                               Instant recordedAt) {
}
