package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asked before a one-time code is sent: a blocked or locked account gets no code. Answers a {@link LoginCheck}. */
public record CheckLoginAllowedCommand(@TargetAggregateIdentifier String accountId, Instant at) {
}
