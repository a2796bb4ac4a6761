package ru.frmr.notification.delivery.send;

import java.time.Instant;

import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.RenderedNotice;

/** One message as it leaves: the address is the recipient's plain address, held only while it is sent. */
public record OutgoingNotice(String notificationId, NoticeKind kind, String address, RenderedNotice text,
                             Instant at) {

    @Override
    public String toString() {
        return "OutgoingNotice[" + notificationId + ", " + kind + "]";
    }
}
