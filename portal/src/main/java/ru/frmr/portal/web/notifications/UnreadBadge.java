package ru.frmr.portal.web.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The unread count beside «Уведомления» in the header ({@code ${@inbox.unread(me)}} in the layout): asked once per
 * rendered page, only when the layout is rendered (not for redirects, fragments, files or error pages), with a
 * short timeout. A count that cannot be had now is no badge: the page itself never fails for it.
 */
@Component("inbox")
public class UnreadBadge {

    private static final Logger log = LoggerFactory.getLogger(UnreadBadge.class);

    private final Platform platform;

    UnreadBadge(Platform platform) {
        this.platform = platform;
    }

    /** The number of unread notices of the signed-in person; null when there is none to show or none known. */
    public Long unread(SignedIn me) {
        if (me == null) {
            return null;
        }
        try {
            long unread = platform.glance(me, HttpMethod.GET, "/api/notifications/me/inbox/unread-count").json()
                    .path("unread").asLong(0);
            return unread > 0 ? unread : null;
        } catch (RuntimeException unavailable) {
            // An ended session, a slow or absent notification-service: the page is worth more than the number.
            log.debug("the unread count was not shown: {}", unavailable.getClass().getSimpleName());
            return null;
        }
    }

    /** «3 непрочитанных», «1 непрочитанное»: what a screen reader says for the badge's bare number. */
    public String label(long count) {
        long n = Math.abs(count) % 100;
        return count + (n % 10 == 1 && n != 11 ? " непрочитанное" : " непрочитанных");
    }
}
