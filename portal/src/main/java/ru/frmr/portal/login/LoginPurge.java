package ru.frmr.portal.login;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the stored tokens of logins nobody has used for longer than a platform session can last (12 hours
 * absolute): auth-service has ended those sessions, and their refresh tokens are worth nothing. The tokens of a
 * session are otherwise removed at logout. Idempotent, so several replicas may run it at once.
 */
@Component
class LoginPurge {

    private static final Logger log = LoggerFactory.getLogger(LoginPurge.class);
    static final Duration UNUSED = Duration.ofHours(13);

    private final PortalLogins logins;

    LoginPurge(PortalLogins logins) {
        this.logins = logins;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        long removed = logins.purgeIdle(UNUSED);
        if (removed > 0) {
            log.info("removed the stored tokens of {} unused logins", removed);
        }
    }
}
