package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event. */
@Revision("1")
public record SessionEndedEvent(String sessionId, String accountId, SessionEndReason reason, Instant at) {
}
