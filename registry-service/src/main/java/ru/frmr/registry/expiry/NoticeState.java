package ru.frmr.registry.expiry;

/** Where a scheduled licence notice stands. */
enum NoticeState {
    /** Waits for its due date; the sweeper sends it then. */
    PENDING,
    /** The record issued it (once: the aggregate guards that). */
    ISSUED,
    /** The licence was corrected, removed or renewed before the notice went out; revived if that is undone. */
    CANCELLED,
    /** Old news: a nearer notice of the same licence was due as well, or the record declined it. */
    SKIPPED
}
