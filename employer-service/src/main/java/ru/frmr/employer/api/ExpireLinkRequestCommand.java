package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sweeper's: expire the request if it is still pending and its deadline has passed by {@code now}. */
public record ExpireLinkRequestCommand(@TargetAggregateIdentifier String membershipId, String requestId,
                                       Instant now) {
}
