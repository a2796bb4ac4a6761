package ru.frmr.auth.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;

/**
 * The registry number in a medical worker's tokens. auth-service does not compute it: the registry announces it
 * ({@code WorkerAccountLinked}) once it has created or found the person's record, and the account's read model
 * holds it from then on. At the very first login the record is being created while the person waits, so that login
 * waits for the announcement up to {@code frmr.auth.worker-link-wait}; should it come later, the claim appears at
 * the session's next refresh. The wait stays well under the gateway's time limit for a route (10 s): a registry
 * that is slow to hear of the login (a consumer group still rebalancing after a restart) must cost the person
 * only the claim in their first token, never a 504 instead of the login.
 */
@Component
public class WorkerLinks {

    private static final Duration POLL = Duration.ofMillis(100);

    private final AuthQueries queries;
    private final long attempts;

    WorkerLinks(AuthQueries queries, @Value("${frmr.auth.worker-link-wait:5s}") Duration wait) {
        this.queries = queries;
        this.attempts = Math.max(0, wait.toMillis() / POLL.toMillis());
    }

    /** The claims with the account's registry number as the read model knows it now. */
    public SessionClaims current(String accountId, SessionClaims claims) {
        if (!claims.lacksWorkerId()) {
            return claims;
        }
        String workerId = queries.account(accountId).map(AccountView::workerId).orElse(null);
        return workerId == null ? claims : claims.withWorkerId(workerId);
    }

    /** As {@link #current}, waiting a bounded time for a first login's announcement. */
    public SessionClaims awaited(String accountId, SessionClaims claims) {
        SessionClaims found = current(accountId, claims);
        for (long i = 0; i < attempts && found.lacksWorkerId(); i++) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            found = current(accountId, claims);
        }
        return found;
    }
}
