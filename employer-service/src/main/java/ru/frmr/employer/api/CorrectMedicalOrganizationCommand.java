package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param expectedVersion the card version the administrator corrected; another one is a lost update (409) */
public record CorrectMedicalOrganizationCommand(@TargetAggregateIdentifier String organizationId,
                                                OrganizationDetails details, long expectedVersion,
                                                String correctedBy, Instant at) {
}
