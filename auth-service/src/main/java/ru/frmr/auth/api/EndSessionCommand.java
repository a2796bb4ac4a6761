package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a session; a no-op when it has ended already. */
public record EndSessionCommand(@TargetAggregateIdentifier String sessionId, SessionEndReason reason, Instant at) {
}
