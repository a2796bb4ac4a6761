package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A SUPPORT officer takes the request in work. */
public record TakeSupportRequestCommand(@TargetAggregateIdentifier String requestId, String officerAccountId,
                                        Instant at) {
}
