package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param registeredBy the administrator's account id, or the fixture's name */
public record RegisterMedicalOrganizationCommand(@TargetAggregateIdentifier String organizationId,
                                                 OrganizationDetails details, String registeredBy, Instant at) {
}
