package ru.frmr.auth.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.frmr.auth.command.SessionPolicy;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.query.SessionView;

/**
 * Ends sessions that ran past their idle or absolute limit, so {@code SessionEnded} is published for them too and
 * their account stops counting them. They stop working at the limit either way (every use checks it); this only
 * records it, through the account like every other end. Every replica may sweep: the account ends a session once.
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
            sessions.endOverdue(s.accountId(), s.id(), policy.expiryReason(s.startedAt(), now));
        }
    }
}
