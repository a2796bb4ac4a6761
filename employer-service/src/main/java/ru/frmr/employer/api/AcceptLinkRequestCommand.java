package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param answeredBy the side answering: it must not be the one that started the request */
public record AcceptLinkRequestCommand(@TargetAggregateIdentifier String membershipId, String requestId,
                                       LinkInitiator answeredBy, Instant answeredAt) {
}
