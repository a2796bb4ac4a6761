package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param accountId auth-service's id of the member's login account; {@code grantedBy} the chief's */
public record GrantHrRightCommand(@TargetAggregateIdentifier String organizationId, String accountId,
                                  String grantedBy, Instant at) {
}
