package ru.frmr.auth.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.command.SessionPolicy;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.query.SessionView;

/**
 * Ends sessions that ran past their idle or absolute limit, so they leave the session list and
 * {@code SessionEnded} is published for them too. They stop working at the limit either way (every use
 * checks it); this only records it. Every replica may sweep: ending an ended session is a no-op.
 */
@Component
class SessionSweeper {

    private static final int BATCH = 200;

    private final AuthQueries queries;
    private final Sessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    SessionSweeper(AuthQueries queries, Sessions sessions, SessionPolicy policy, Clock clock) {
        this.queries = queries;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${frmr.auth.sessions.sweep-interval:PT1M}", initialDelayString = "PT1M")
    void sweep() {
        Instant now = clock.instant();
        Instant startedBefore = now.minus(policy.absoluteLifetime());
        for (SessionView s : queries.overdueSessions(now.minus(policy.idleTimeout()), startedBefore, BATCH)) {
            sessions.end(s.id(), s.startedAt().isBefore(startedBefore)
                    ? SessionEndReason.ABSOLUTE_TIMEOUT : SessionEndReason.IDLE_TIMEOUT);
        }
    }
}
