package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: too many wrong one-time codes; no login until {@code lockedUntil}. */
@Revision("1")
public record AccountLockedEvent(String accountId, Instant lockedUntil, Instant at) {
}
