package ru.frmr.auth.command;

import java.time.Duration;
import java.time.Instant;

import ru.frmr.auth.api.SessionEndReason;

/**
 * @param idleTimeout      a session not refreshed for this long is over
 * @param absoluteLifetime a session older than this is over, however active
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteLifetime) {

    /** The one rule of a session's time, for the aggregate, the caller's check and the read model's query alike. */
    public boolean isLive(Instant startedAt, Instant lastSeenAt, Instant now) {
        return now.isBefore(startedAt.plus(absoluteLifetime)) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }

    /** Why a session that is no longer {@link #isLive live} is over. */
    public SessionEndReason expiryReason(Instant startedAt, Instant now) {
        return now.isBefore(startedAt.plus(absoluteLifetime)) ? SessionEndReason.IDLE_TIMEOUT
                : SessionEndReason.ABSOLUTE_TIMEOUT;
    }
}
