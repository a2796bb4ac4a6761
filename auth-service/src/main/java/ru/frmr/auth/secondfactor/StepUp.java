package ru.frmr.auth.secondfactor;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.session.LoginRefusals;
import ru.frmr.auth.token.AccessTokens;
import ru.frmr.auth.token.VerifiedToken;

/**
 * Step-up for sensitive actions: a one-time code to the account's e-mail, bound to the session and the
 * device; confirming it yields an access token carrying {@code step_up} (the time of confirmation), which
 * services require for such actions. Wrong codes count toward the same lock as at login.
 */
@Service
public class StepUp {

    private final OneTimeCodes codes;
    private final CodeMailer mailer;
    private final Accounts accounts;
    private final AuthQueries queries;
    private final AccessTokens accessTokens;
    private final AuthMetrics metrics;
    private final Clock clock;
    private final PersonalDataVault vault;

    StepUp(OneTimeCodes codes, CodeMailer mailer, Accounts accounts, AuthQueries queries, AccessTokens accessTokens,
           AuthMetrics metrics, Clock clock, PersonalDataVault vault) {
        this.vault = vault;
        this.codes = codes;
        this.mailer = mailer;
        this.accounts = accounts;
        this.queries = queries;
        this.accessTokens = accessTokens;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param clientAddress as the web layer reads it; hashed before the account records a refusal
     * @return where the code went (masked) and until when it is valid
     */
    public Sent send(VerifiedToken caller, String userAgent, String clientAddress) {
        String email = queries.account(caller.accountId())
                .flatMap(account -> vault.open(account.snilsKey(), account.email())).orElse(null);
        if (email == null) {
            throw new AuthException(HttpStatus.FORBIDDEN, "second-factor-unavailable",
                    "No verified e-mail is known for this account.");
        }
        LoginCheck check = accounts.checkLoginAllowed(caller.accountId(), clientAddress);
        if (!check.isAllowed()) {
            throw LoginRefusals.toException(check);
        }
        OneTimeCodes.IssuedCode issued = codes.issue(key(caller), caller.accountId(), CodePurpose.STEP_UP,
                OneTimeCodes.binding(caller.sessionId(), userAgent));
        mailer.send(caller.accountId(), email, issued.code(), CodePurpose.STEP_UP);
        return new Sent(CodeMailer.masked(email), issued.expiresAt());
    }

    /**
     * @param clientAddress as the web layer reads it; hashed before the account records a wrong code
     * @return an access token of the same session that also carries {@code step_up}
     */
    public String verify(VerifiedToken caller, String code, String userAgent, String clientAddress) {
        boolean matched = codes.consume(key(caller), code, OneTimeCodes.binding(caller.sessionId(), userAgent));
        CodeCheck check = accounts.verifyCode(caller.accountId(), matched, CodePurpose.STEP_UP, clientAddress);
        switch (check.outcome()) {
            case ACCEPTED -> {
                Instant now = clock.instant();
                return accessTokens.issue(caller.accountId(), caller.sessionId(),
                        new SessionClaims(caller.roles(), caller.workerId(), caller.orgId(), caller.orgBasis()), now);
            }
            case WRONG -> throw AuthException.wrongCode(check.remaining());
            case LOCKED -> {
                if (check.justLocked()) {
                    metrics.lockout();
                }
                throw AuthException.locked(check.lockedUntil());
            }
            default -> throw AuthException.forbidden("The account may not confirm actions now.");
        }
    }

    private static String key(VerifiedToken caller) {
        return "step-up:" + caller.sessionId();
    }

    public record Sent(String sentTo, Instant expiresAt) {
    }
}
