package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester closes their request (only they may: anyone else is told it does not exist). */
public record CloseSupportRequestCommand(@TargetAggregateIdentifier String requestId, String accountId,
                                         Instant at) {
}
