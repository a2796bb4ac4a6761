package ru.frmr.auth.command;

import java.time.Duration;

/**
 * @param idleTimeout      a session not refreshed for this long is over
 * @param absoluteLifetime a session older than this is over, however active
 */
public record SessionPolicy(Duration idleTimeout, Duration absoluteLifetime) {
}
