package ru.frmr.notification.notice;

import java.util.Map;

import ru.frmr.contracts.notification.NotificationChannel;

/**
 * The Russian templates, one per kind and channel, versioned; all loaded and checked (every field a template uses
 * is one its kind declares) when the service starts.
 */
public interface Templates {

    RenderedNotice render(NoticeKind kind, NotificationChannel channel, Map<String, String> fields);

    /** The kind has a template for the channel (e.g. no SMS for a справка that is ready). */
    boolean has(NoticeKind kind, NotificationChannel channel);
}
