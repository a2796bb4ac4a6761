package ru.frmr.notification.preference;

import java.util.Map;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;

/**
 * One account's choices: channels switched on or off per kind, and quiet hours. What the person never chose
 * follows the defaults: e-mail and the inbox on, SMS off. Security notices and the inbox cannot be switched off.
 *
 * @param choices kind → channel → on/off, only what the person set
 */
public record Preferences(Map<NoticeKind, Map<NotificationChannel, Boolean>> choices, QuietHours quietHours) {

    public static final Preferences DEFAULT = new Preferences(Map.of(), QuietHours.OFF);

    public Preferences {
        choices = Map.copyOf(choices);
    }

    public boolean enabled(NoticeKind kind, NotificationChannel channel) {
        if (kind.security() || channel == NotificationChannel.INBOX) {
            return true;
        }
        Boolean chosen = choices.getOrDefault(kind, Map.of()).get(channel);
        return chosen != null ? chosen : channel == NotificationChannel.EMAIL;
    }

    /**
     * Kinds whose channels follow the request itself (a support answer goes where the requester asked), and the
     * security staff's alerts, which go to configured mailboxes, never by a person's choice.
     */
    public static boolean chosenByPerson(NoticeKind kind) {
        return kind != NoticeKind.SUPPORT_REQUEST_RECEIVED && kind != NoticeKind.SUPPORT_ANSWERED
                && kind != NoticeKind.SECURITY_ALERT;
    }
}
