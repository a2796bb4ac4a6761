package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A SUPPORT officer answers; the text is plain here, the aggregate seals it under the requester's key. */
public record AnswerSupportRequestCommand(@TargetAggregateIdentifier String requestId, String officerAccountId,
                                          String text, Instant at) {

    @Override
    public String toString() {
        return "AnswerSupportRequestCommand[" + requestId + "]";
    }
}
