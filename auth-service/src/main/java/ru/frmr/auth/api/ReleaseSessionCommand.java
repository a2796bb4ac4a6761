package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A session ended: the account stops counting it. A no-op for a session it does not count. */
public record ReleaseSessionCommand(@TargetAggregateIdentifier String accountId, String sessionId, Instant at) {
}
