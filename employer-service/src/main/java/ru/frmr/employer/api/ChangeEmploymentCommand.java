package ru.frmr.employer.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** HR changes the terms of an active employment from {@code effectiveDate}: the whole new terms, not a difference. */
public record ChangeEmploymentCommand(@TargetAggregateIdentifier String membershipId, String employmentId,
                                      OrganizationRef organization, EmploymentChangeKind kind, String positionCode,
                                      String department, BigDecimal rate, String contractKind,
                                      LocalDate effectiveDate, Instant changedAt) {
}
