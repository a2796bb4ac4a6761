package ru.frmr.auth.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Domain event: a login step of an identified person failed.
 *
 * @param reason      {@code SECOND_FACTOR} / {@code STEP_UP} (a wrong code; counts toward the lock), {@code LOCKED},
 *                    {@code BLOCKED}, {@code NEEDS_CONFIRMATION}
 * @param addressHash the client's address as a keyed hash ({@code AddressHashes}), never the address; null in
 *                    revision-1 events, recorded before addresses were hashed
 */
@Revision("2")
public record LoginFailedEvent(String accountId, String reason, Instant at, String addressHash) {
}
