package ru.frmr.notification.notice;

import java.time.Instant;

/** The in-app inbox of the cabinet: what the INBOX channel delivers to. */
public interface Inbox {

    /** Puts the notice in the account's inbox, unread; the same {@code notificationId} again changes nothing. */
    void put(String accountId, String notificationId, NoticeKind kind, String title, String body, Instant at);
}
