package ru.frmr.notification.delivery.send;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.Inbox;

/** The cabinet's inbox: the address is the account id; the inbox keeps one notice per notificationId. */
@Component
class InboxSender implements ChannelSender {

    private final Inbox inbox;

    InboxSender(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.INBOX;
    }

    @Override
    public int send(OutgoingNotice notice) {
        inbox.put(notice.address(), notice.notificationId(), notice.kind(), notice.text().subject(),
                notice.text().body(), notice.at());
        return 0;
    }
}
