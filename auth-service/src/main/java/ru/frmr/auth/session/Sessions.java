package ru.frmr.auth.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ru.frmr.auth.api.EndSessionCommand;
import ru.frmr.auth.api.OpenSessionCommand;
import ru.frmr.auth.api.RotateRefreshTokenCommand;
import ru.frmr.auth.api.Rotation;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.api.SessionStart;
import ru.frmr.auth.api.StartSessionCommand;
import ru.frmr.auth.command.SessionPolicy;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.query.SessionView;
import ru.frmr.auth.token.AccessTokens;
import ru.frmr.auth.token.VerifiedToken;
import ru.frmr.contracts.auth.LoginMethod;

/**
 * Opening, refreshing and ending sessions. The account decides whether a login may open a session (and
 * which old ones make room); the session aggregate owns its refresh-token family.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final int MAX_USER_AGENT = 256;

    private final CommandGateway commands;
    private final AccessTokens accessTokens;
    private final SessionStates states;
    private final AuthQueries queries;
    private final SessionPolicy policy;
    private final AuthMetrics metrics;
    private final Clock clock;
    private final WorkerLinks workerLinks;

    public Sessions(CommandGateway commands, AccessTokens accessTokens, SessionStates states, AuthQueries queries,
                    SessionPolicy policy, AuthMetrics metrics, Clock clock, WorkerLinks workerLinks) {
        this.workerLinks = workerLinks;
        this.commands = commands;
        this.accessTokens = accessTokens;
        this.states = states;
        this.queries = queries;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param email the person's current verified e-mail, null when unknown
     * @throws AuthException when the account refuses (blocked, locked, unconfirmed)
     */
    public OpenedSession open(String accountId, LoginMethod method, SessionClaims claims, String email,
                              String userAgent, String ip) {
        String sessionId = UUID.randomUUID().toString();
        SessionStart start = commands.sendAndWait(new StartSessionCommand(accountId, sessionId, method, email,
                clock.instant()));
        if (!start.check().isAllowed()) {
            metrics.loginFailed(method.name(), start.check().refusal());
            throw LoginRefusals.toException(start.check());
        }
        RefreshToken refresh = RefreshToken.issue(sessionId);
        commands.sendAndWait(new OpenSessionCommand(sessionId, accountId, method, claims, refresh.hash(),
                truncate(userAgent), ip, clock.instant()));
        start.evicted().forEach(old -> end(old, SessionEndReason.SESSION_LIMIT));
        metrics.loginSucceeded(method);
        log.info("Session {} opened for account {} by {}", sessionId, accountId, method);
        return new OpenedSession(sessionId, refresh, accessTokens.issue(accountId, sessionId, claims, null));
    }

    /**
     * Rotates the refresh token: a new access token and the next refresh token, or 401. A medical worker's token
     * gains the registry number here when the registry announced it after the session opened.
     */
    public OpenedSession refresh(String presentedValue) {
        RefreshToken presented = RefreshToken.parse(presentedValue)
                .orElseThrow(() -> AuthException.unauthorized("No valid refresh token."));
        RefreshToken next = RefreshToken.issue(presented.sessionId());
        Rotation rotation = commands.sendAndWait(new RotateRefreshTokenCommand(presented.sessionId(),
                presented.hash(), next.hash(), clock.instant()));
        switch (rotation.outcome()) {
            case ROTATED -> {
                return new OpenedSession(presented.sessionId(), next, accessTokens.issue(rotation.accountId(),
                        presented.sessionId(), workerLinks.current(rotation.accountId(), rotation.claims()), null));
            }
            case REUSED -> {
                metrics.refreshTokenReuse();
                log.warn("Refresh token reuse in session {}: the session is revoked", presented.sessionId());
                throw AuthException.unauthorized("This refresh token was already used; the session has been ended.");
            }
            case EXPIRED -> throw AuthException.unauthorized("The session has expired; log in again.");
            default -> throw AuthException.unauthorized("The session has ended; log in again.");
        }
    }

    public void end(String sessionId, SessionEndReason reason) {
        commands.sendAndWait(new EndSessionCommand(sessionId, reason, clock.instant()));
    }

    /** @return how many sessions were ended */
    public int endOthers(String accountId, String currentSessionId) {
        List<SessionView> others = queries.openSessions(accountId).stream()
                .filter(s -> !s.id().equals(currentSessionId)).toList();
        others.forEach(s -> end(s.id(), SessionEndReason.ENDED_BY_USER));
        return others.size();
    }

    /** The account's live sessions, oldest first. */
    public List<SessionView> list(String accountId) {
        Instant now = clock.instant();
        return queries.openSessions(accountId).stream().filter(s -> isLive(s.startedAt(), s.lastSeenAt(), now))
                .toList();
    }

    /** The caller's session, when it is still open; otherwise the token no longer counts. */
    public SessionState requireActive(VerifiedToken token) {
        SessionState state = states.find(token.sessionId())
                .filter(s -> s.accountId().equals(token.accountId()))
                .orElseThrow(() -> AuthException.unauthorized("Unknown session."));
        if (state.ended() || !isLive(state.startedAt(), state.lastSeenAt(), clock.instant())) {
            throw AuthException.unauthorized("The session has ended; log in again.");
        }
        return state;
    }

    private boolean isLive(Instant startedAt, Instant lastSeenAt, Instant now) {
        return now.isBefore(startedAt.plus(policy.absoluteLifetime()))
                && now.isBefore(lastSeenAt.plus(policy.idleTimeout()));
    }

    private static String truncate(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
    }
}
