package ru.frmr.employer.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts a link request between an organisation and a worker. {@code contractNumber} and {@code contractDate} are
 * the worker's evidence (their employment contract) and only come with a worker's request.
 */
public record RequestLinkCommand(@TargetAggregateIdentifier String membershipId, String organizationId,
                                 String workerId, String requestId, LinkInitiator initiatedBy, String contractNumber,
                                 LocalDate contractDate, Instant requestedAt, Instant expiresAt) {
}
