package ru.frmr.employer.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** The terms of an employment as they read from {@code effectiveDate}, at the next version. */
@Revision("1")
public record EmploymentChangedEvent(String membershipId, String organizationId, String workerId,
                                     String employmentId, OrganizationRef organization, EmploymentChangeKind kind,
                                     EmploymentTerms terms, LocalDate effectiveDate, long version,
                                     Instant changedAt) {
}
