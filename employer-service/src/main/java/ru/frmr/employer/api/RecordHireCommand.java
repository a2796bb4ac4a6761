package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** HR records that the linked worker took up a position. */
public record RecordHireCommand(@TargetAggregateIdentifier String membershipId, String employmentId,
                                OrganizationRef organization, EmploymentTerms terms, Instant recordedAt) {
}
