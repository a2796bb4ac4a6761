package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeHrRightCommand(@TargetAggregateIdentifier String organizationId, String accountId,
                                   String revokedBy, Instant at) {
}
