package ru.frmr.auth.api;

import java.time.Instant;

/**
 * @param outcome     what the account made of the attempt
 * @param remaining   attempts left before a lock (for {@link Outcome#WRONG})
 * @param lockedUntil for {@link Outcome#LOCKED}
 * @param justLocked  this attempt was the one that locked the account
 */
public record CodeCheck(Outcome outcome, int remaining, Instant lockedUntil, boolean justLocked) {

    public enum Outcome {
        ACCEPTED,
        WRONG,
        /** Locked now or before: the code was not considered. */
        LOCKED,
        /** Blocked or unconfirmed account: the code was not considered. */
        REFUSED
    }
}
