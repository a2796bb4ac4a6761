package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester reopens an answered request with a further message, within 14 days of the answer. */
public record ReopenSupportRequestCommand(@TargetAggregateIdentifier String requestId, String accountId,
                                          String text, Instant at) {

    @Override
    public String toString() {
        return "ReopenSupportRequestCommand[" + requestId + "]";
    }
}
