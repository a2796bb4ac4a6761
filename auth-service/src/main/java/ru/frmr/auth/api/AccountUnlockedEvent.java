package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Domain event: a lock ended, by time (noticed at the next attempt) or by an administrator. */
@Revision("1")
public record AccountUnlockedEvent(String accountId, Instant at) {
}
