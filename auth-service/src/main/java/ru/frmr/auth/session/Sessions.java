package ru.frmr.auth.session;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ru.frmr.auth.api.EndAccountSessionsCommand;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.OpenSessionCommand;
import ru.frmr.auth.api.RotateRefreshTokenCommand;
import ru.frmr.auth.api.Rotation;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.api.StartSessionCommand;
import ru.frmr.auth.command.AddressHashes;
import ru.frmr.auth.command.SessionPolicy;
import ru.frmr.auth.employer.EmployerOrganizations;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.query.SessionView;
import ru.frmr.auth.token.AccessTokens;
import ru.frmr.auth.token.VerifiedToken;
import ru.frmr.contracts.auth.LoginMethod;

/**
 * Opening, refreshing and ending sessions. The account decides whether a login may open a session and which
 * sessions end (old ones making room, the person's choice, a block); the session aggregate owns its refresh-token
 * family. Which sessions are open is answered by one read model ({@link AuthQueries#openSessions}); whether the
 * caller's own session still is, by that session's event stream ({@link SessionStates}), which a request made right
 * after login must see at once.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final int MAX_USER_AGENT = 256;
    /** Together at most 5 s: far beyond the processor's usual delay, short of an HTTP client's patience. */
    private static final int END_WAIT_ATTEMPTS = 200;
    private static final long END_WAIT_PAUSE_MILLIS = 25;

    private final CommandGateway commands;
    private final AccessTokens accessTokens;
    private final SessionStates states;
    private final AuthQueries queries;
    private final SessionPolicy policy;
    private final AuthMetrics metrics;
    private final Clock clock;
    private final WorkerLinks workerLinks;
    private final EmployerOrganizations employers;
    private final DeviceLabels devices;
    private final AddressHashes addresses;

    public Sessions(CommandGateway commands, AccessTokens accessTokens, SessionStates states, AuthQueries queries,
                    SessionPolicy policy, AuthMetrics metrics, Clock clock, WorkerLinks workerLinks,
                    EmployerOrganizations employers, DeviceLabels devices, AddressHashes addresses) {
        this.devices = devices;
        this.addresses = addresses;
        this.workerLinks = workerLinks;
        this.employers = employers;
        this.commands = commands;
        this.accessTokens = accessTokens;
        this.states = states;
        this.queries = queries;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Opens a session and hands back its first refresh token only: the browser login's redirect carries no access
     * token, the portal buys one with the refresh token.
     *
     * @throws AuthException when the account refuses (blocked, locked, unconfirmed)
     */
    public RefreshToken start(String accountId, LoginMethod method, SessionClaims claims, String userAgent, String ip) {
        String sessionId = UUID.randomUUID().toString();
        LoginCheck check = commands.sendAndWait(new StartSessionCommand(accountId, sessionId, method,
                clock.instant(), devices.label(truncate(userAgent)), addresses.of(ip)));
        if (!check.isAllowed()) {
            metrics.loginFailed(method.name(), check.refusal());
            throw LoginRefusals.toException(check);
        }
        RefreshToken refresh = RefreshToken.issue(sessionId);
        commands.sendAndWait(new OpenSessionCommand(sessionId, accountId, method, claims, refresh.hash(),
                truncate(userAgent), ip, clock.instant()));
        metrics.loginSucceeded(method);
        log.info("Session {} opened for account {} by {}", sessionId, accountId, method);
        return refresh;
    }

    /** Opens a session for a caller that gets its access token in the answer (second factor, signature login). */
    public OpenedSession open(String accountId, LoginMethod method, SessionClaims claims, String userAgent,
                              String ip) {
        RefreshToken refresh = start(accountId, method, claims, userAgent, ip);
        return new OpenedSession(refresh.sessionId(), refresh,
                accessTokens.issue(accountId, refresh.sessionId(), claims, null));
    }

    /**
     * Rotates the refresh token: a new access token and the next refresh token, or 401. A medical worker's token
     * gains the registry number here when the registry announced it after the session opened, and an HR officer by
     * the chief's grant loses EMPLOYER_HR here once the grant is revoked. A new grant is not added here: EMPLOYER_HR
     * needs the login's second factor, so it comes with the person's next login.
     */
    public OpenedSession refresh(String presentedValue) {
        RefreshToken presented = RefreshToken.parse(presentedValue)
                .orElseThrow(() -> AuthException.unauthorized("No valid refresh token."));
        RefreshToken next = RefreshToken.issue(presented.sessionId());
        Rotation rotation = commands.sendAndWait(new RotateRefreshTokenCommand(presented.sessionId(),
                presented.hash(), next.hash(), clock.instant()));
        switch (rotation.outcome()) {
            case ROTATED -> {
                SessionClaims claims = workerLinks.current(rotation.accountId(), rotation.claims());
                if (claims.hrByGrant() && !employers.holdsHrRight(claims.orgId(), rotation.accountId())) {
                    claims = claims.withoutEmployerHr();
                }
                return new OpenedSession(presented.sessionId(), next, accessTokens.issue(rotation.accountId(),
                        presented.sessionId(), claims, null));
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

    /**
     * Ends one of the account's sessions; answers once it has ended, so its refresh token is dead when the caller
     * hears back.
     *
     * @return false when the account has no such open session
     */
    public boolean end(String accountId, String sessionId, SessionEndReason reason) {
        List<String> ended = commands.sendAndWait(new EndAccountSessionsCommand(accountId,
                EndAccountSessionsCommand.Which.THIS, sessionId, reason, clock.instant()));
        awaitEnded(ended);
        return !ended.isEmpty();
    }

    /** The sweeper's end of a session past its time; nobody waits for it. */
    void endOverdue(String accountId, String sessionId, SessionEndReason reason) {
        commands.sendAndWait(new EndAccountSessionsCommand(accountId, EndAccountSessionsCommand.Which.THIS, sessionId,
                reason, clock.instant()));
    }

    /** @return how many sessions were ended */
    public int endOthers(String accountId, String currentSessionId) {
        List<String> ended = commands.sendAndWait(new EndAccountSessionsCommand(accountId,
                EndAccountSessionsCommand.Which.ALL_BUT_THIS, currentSessionId, SessionEndReason.ENDED_BY_USER,
                clock.instant()));
        awaitEnded(ended);
        return ended.size();
    }

    /**
     * Waits until the {@code SessionEnding} processor has ended these sessions (normally milliseconds), so an answer
     * that says "ended" is true at once on every replica: the refresh tokens are dead, the access tokens refused by
     * auth-service. Past the wait the account's decision still stands and the processor still carries it out.
     */
    public void awaitEnded(List<String> sessionIds) {
        List<String> open = sessionIds;
        for (int attempt = 0; attempt < END_WAIT_ATTEMPTS; attempt++) {
            open = open.stream().filter(id -> !states.find(id).map(SessionState::ended).orElse(true)).toList();
            if (open.isEmpty()) {
                return;
            }
            pause();
        }
        log.warn("{} session(s) not yet ended by the session-ending processor; it will end them", open.size());
    }

    /** The account's live sessions, oldest first. */
    public List<SessionView> list(String accountId) {
        return queries.openSessions(accountId, clock.instant(), policy);
    }

    /** The caller's session, when it is still open; otherwise the token no longer counts. */
    public SessionState requireActive(VerifiedToken token) {
        SessionState state = states.find(token.sessionId())
                .filter(s -> s.accountId().equals(token.accountId()))
                .orElseThrow(() -> AuthException.unauthorized("Unknown session."));
        if (state.ended() || !policy.isLive(state.startedAt(), state.lastSeenAt(), clock.instant())) {
            throw AuthException.unauthorized("The session has ended; log in again.");
        }
        return state;
    }

    private static void pause() {
        try {
            Thread.sleep(END_WAIT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String truncate(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
    }
}
