package ru.frmr.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ru.frmr.notification.notice.Inbox;
import ru.frmr.notification.notice.NoticeKind;

/** An inbox that records every put, repeats included, so that a test sees a notice put twice. */
public class RecordingInbox implements Inbox {

    public record Put(String accountId, String notificationId, NoticeKind kind, String title, String body,
                      Instant at) {
    }

    private final List<Put> puts = new CopyOnWriteArrayList<>();

    @Override
    public void put(String accountId, String notificationId, NoticeKind kind, String title, String body,
                    Instant at) {
        puts.add(new Put(accountId, notificationId, kind, title, body, at));
    }

    public List<Put> putsFor(String accountId) {
        return puts.stream().filter(put -> put.accountId().equals(accountId)).toList();
    }
}
