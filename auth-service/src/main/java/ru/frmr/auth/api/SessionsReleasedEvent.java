package ru.frmr.auth.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Domain event, stored before the account recorded why its sessions end ({@link AccountSessionsEndedEvent}): the
 * account no longer counted these sessions. Still read when an account is rebuilt from its stored events; no longer
 * applied.
 */
@Revision("1")
public record SessionsReleasedEvent(String accountId, List<String> sessionIds, Instant at) {
}
