package ru.frmr.auth.command;

import java.time.Duration;

/**
 * The rules the {@code Account} aggregate enforces, injected into its command handlers.
 *
 * @param maxFailures      wrong one-time codes in a row that lock the account
 * @param lockDuration     how long a lock lasts
 * @param maxSessions      concurrent sessions per account; a login beyond it ends the oldest
 * @param absoluteLifetime how long a session lives at most: older ones no longer count toward the limit
 */
public record AccountPolicy(int maxFailures, Duration lockDuration, int maxSessions, Duration absoluteLifetime) {
}
