package ru.frmr.notification.delivery;

import java.util.Map;
import java.util.TreeMap;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.RenderedNotice;
import ru.frmr.notification.notice.Templates;

/**
 * Templates for the delivery tests: the subject names the kind, the body is the field {@code text} when given,
 * else the fields as {@code name=value} lines; version 7 so that a test sees it carried to NotificationSent.
 */
public class PlainTemplates implements Templates {

    public static final int VERSION = 7;

    /** True: every render fails, as a template a message needs that a later release removed. */
    public volatile boolean broken;

    @Override
    public RenderedNotice render(NoticeKind kind, NotificationChannel channel, Map<String, String> fields) {
        if (broken) {
            throw new IllegalArgumentException("No " + channel + " template for " + kind);
        }
        StringBuilder body = new StringBuilder();
        if (fields.containsKey("text")) {
            body.append(fields.get("text"));
        } else {
            new TreeMap<>(fields).forEach((name, value) -> body.append(name).append('=').append(value).append('\n'));
        }
        return new RenderedNotice(channel == NotificationChannel.SMS ? null : "Уведомление " + kind,
                body.toString(), VERSION, 0);
    }

    @Override
    public boolean has(NoticeKind kind, NotificationChannel channel) {
        return true;
    }
}
