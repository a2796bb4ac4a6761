package ru.frmr.registry.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;

import ru.frmr.registry.config.ModerationProperties;

/**
 * Requires the request's access token to carry auth-service's {@code step_up} claim (epoch seconds of the
 * one-time code confirmation), recent enough: a stolen ordinary token must not change the record.
 */
@Component
class StepUpCheck {

    static final String CLAIM = "step_up";

    private final ModerationProperties properties;
    private final Clock clock;

    StepUpCheck(ModerationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    void requireRecent() {
        Instant confirmedAt = confirmedAt();
        Instant now = clock.instant();
        // A confirmation from the future is as untrustworthy as an old one; allow only the tokens' clock skew.
        if (confirmedAt == null || confirmedAt.isBefore(now.minus(properties.stepUpMaxAge()))
                || confirmedAt.isAfter(now.plusSeconds(60))) {
            throw new StepUpRequiredException();
        }
    }

    private static Instant confirmedAt() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
            return null;
        }
        Object claim = token.getTokenAttributes().get(CLAIM);
        if (claim instanceof Instant instant) {
            return instant;
        }
        return claim instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }
}
