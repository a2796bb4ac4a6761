package ru.frmr.registry.command;

/**
 * An administrator tried to approve or reject a change of their own record, or a change they submitted
 * themselves. Moderation is a second pair of eyes; it is refused to this caller (403), though another
 * administrator may decide the same change.
 */
public class OwnRecordModerationException extends RuntimeException {

    public OwnRecordModerationException() {
        super("An administrator cannot decide changes of their own record.");
    }
}
