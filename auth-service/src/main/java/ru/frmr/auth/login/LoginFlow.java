package ru.frmr.auth.login;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.api.ContactReport;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.employer.OrganisationMembers;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.IdentityProvider;
import ru.frmr.auth.identity.IdentityProviderException;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.secondfactor.CodeMailer;
import ru.frmr.auth.secondfactor.ContactChanges;
import ru.frmr.auth.secondfactor.OneTimeCodes;
import ru.frmr.auth.session.Hashes;
import ru.frmr.auth.session.LoginRefusals;
import ru.frmr.auth.session.OpenedSession;
import ru.frmr.auth.session.Sessions;
import ru.frmr.auth.session.WorkerLinks;
import ru.frmr.kit.error.NotFoundException;

/**
 * The browser login through an identity provider: start (state bound to the browser's login cookie),
 * callback (state check, identification, provisioning on first login, roles), the second factor where
 * the roles demand it, and the session. A login the portal starts ends the same way, but its outcome is handed
 * to the portal ({@link LoginHandoffs}); its second factor and activation request then name the pending login by
 * its secret instead of the browser's cookie (the same value).
 */
@Service
public class LoginFlow {

    private static final Logger log = LoggerFactory.getLogger(LoginFlow.class);
    private static final String NEEDS_CONFIRMATION = "account-needs-confirmation";

    private final Map<String, IdentityProvider> providers;
    private final AuthorizationRequests started;
    private final PendingLogins pending;
    private final Accounts accounts;
    private final RoleResolver roles;
    private final OneTimeCodes codes;
    private final CodeMailer mailer;
    private final Sessions sessions;
    private final AuthMetrics metrics;
    private final PersonalDataVault vault;
    private final ContactChanges contactChanges;
    private final AuthQueries queries;
    private final WorkerLinks workerLinks;
    private final LoginHandoffs handoffs;
    private final OrganisationMembers members;

    LoginFlow(List<IdentityProvider> providers, AuthorizationRequests started, PendingLogins pending,
              Accounts accounts, RoleResolver roles, OneTimeCodes codes, CodeMailer mailer, Sessions sessions,
              AuthMetrics metrics, PersonalDataVault vault, ContactChanges contactChanges, AuthQueries queries,
              WorkerLinks workerLinks, LoginHandoffs handoffs, OrganisationMembers members) {
        this.handoffs = handoffs;
        this.members = members;
        this.vault = vault;
        this.contactChanges = contactChanges;
        this.queries = queries;
        this.workerLinks = workerLinks;
        this.providers = providers.stream().collect(Collectors.toMap(IdentityProvider::id, Function.identity()));
        this.started = started;
        this.pending = pending;
        this.accounts = accounts;
        this.roles = roles;
        this.codes = codes;
        this.mailer = mailer;
        this.sessions = sessions;
        this.metrics = metrics;
    }

    /**
     * @param browserNonce the value of the new login cookie
     * @param challenge    the portal's S256 PKCE challenge when the portal started the login (its end is then
     *                     handed to the portal, see {@link #callback}), or null
     */
    public URI start(String providerId, String browserNonce, String challenge) {
        IdentityProvider provider = provider(providerId);
        var request = provider.authorize();
        started.save(providerId, request, Hashes.sha256(browserNonce), challenge);
        return request.redirect();
    }

    /**
     * The provider's answer. A login the browser started on its own ends in a session or a pending second factor,
     * and every refusal is thrown. A login the portal started (with a challenge) always ends in
     * {@link LoginResult.HandedOff} or, when it failed, {@link LoginResult.HandoffFailed}: the browser is sent back
     * to the portal either way, and only the portal, redeeming the code, learns the secrets.
     */
    public LoginResult callback(String providerId, Map<String, String> parameters, String browserNonce,
                                String userAgent, String ip) {
        IdentityProvider provider = provider(providerId);
        String state = parameters.get("state");
        var taken = state == null || state.length() > 64 ? Optional.<AuthorizationRequests.Started>empty()
                : started.take(state);
        if (taken.isEmpty() || !taken.get().provider().equals(providerId)) {
            metrics.loginFailed(providerId, "invalid-state");
            throw AuthException.invalidState();
        }
        AuthorizationRequests.Started login = taken.get();
        if (!login.forPortal()) {
            return complete(provider, login, parameters, browserNonce, userAgent, ip);
        }
        LoginHandoff handoff;
        try {
            handoff = handoffOf(complete(provider, login, parameters, browserNonce, userAgent, ip), browserNonce);
        } catch (AuthException refused) {
            if (!NEEDS_CONFIRMATION.equals(refused.kind())) {
                return handoffFailed(providerId, refused.kind());
            }
            // The pending login waits for the activation request (rememberForActivation).
            handoff = new LoginHandoff.ActivationRequired(browserNonce);
        } catch (IdentityProviderException failed) {
            return handoffFailed(providerId, failed.kind());
        }
        return new LoginResult.HandedOff(handoffs.issue(handoff, login.challenge()));
    }

    private LoginResult complete(IdentityProvider provider, AuthorizationRequests.Started login,
                                 Map<String, String> parameters, String browserNonce, String userAgent, String ip) {
        String providerId = provider.id();
        if (browserNonce == null || !Hashes.sha256(browserNonce).equals(login.browserHash())) {
            metrics.loginFailed(providerId, "state-mismatch");
            throw AuthException.stateNotBound();
        }
        IdentifiedPerson person;
        try {
            person = provider.complete(login.request(), parameters);
        } catch (IdentityProviderException e) {
            metrics.loginFailed(providerId, e.kind());
            throw e;
        }
        String accountId = Accounts.idFor(providerId, person.subject());
        SessionClaims resolved = roles.resolve(accountId, person);
        // An account keeps the data key subject it was provisioned with, also after a rotation of the index key.
        String dataSubject = queries.account(accountId).map(AccountView::snilsKey)
                .orElseGet(() -> vault.subjectFor(person.snils()));
        // A login hands the platform the person's current data again (the identity provider supplies them): after
        // an erasure they are held from now on under a new key; what was sealed before stays unreadable.
        vault.reinstate(dataSubject);
        members.recordLogin(accountId, person, dataSubject);
        if (accounts.provisionIfAbsent(accountId, person, resolved.roles().contains(PlatformRole.WORKER))) {
            log.info("Account {} provisioned at its first login", accountId);
        }
        ContactReport contacts = accounts.reportContacts(accountId, person.email(), person.mobile());
        contactChanges.announce(accountId, contacts);
        SessionClaims claims = workerLinks.awaited(accountId, resolved);
        String browserHash = Hashes.sha256(browserNonce);
        // Only the portal is told the name (its cabinet greets people who have no registry record by it); the
        // browser flow keeps none, so a pending login of its own holds no more personal data than it needs.
        PersonName name = login.forPortal() ? PersonName.of(person) : null;
        if (!roles.needsSecondFactor(claims)) {
            try {
                return new LoginResult.SessionOpened(sessions.start(accountId, provider.method(), claims, userAgent,
                        ip), name);
            } catch (AuthException refused) {
                rememberForActivation(refused, browserHash, accountId, provider, claims, dataSubject);
                throw refused;
            }
        }
        LoginCheck check = accounts.checkLoginAllowed(accountId, ip);
        if (!check.isAllowed()) {
            metrics.loginFailed(providerId, check.refusal());
            AuthException refused = LoginRefusals.toException(check);
            rememberForActivation(refused, browserHash, accountId, provider, claims, dataSubject);
            throw refused;
        }
        // The code goes to the e-mail the account holds, not to the one the provider reports now (see Account).
        String codeEmail = contacts.codeEmail();
        if (codeEmail == null) {
            metrics.loginFailed(providerId, "no-verified-email");
            throw new AuthException(HttpStatus.FORBIDDEN, "second-factor-unavailable",
                    "This account needs a one-time code by e-mail, and no verified e-mail is known for it.");
        }
        pending.save(browserHash, new PendingLogins.PendingLogin(PendingLogins.Stage.SECOND_FACTOR, accountId,
                provider.method(), claims, dataSubject, codeEmail, name));
        return sendLoginCode(browserHash, browserNonce, userAgent, accountId, codeEmail);
    }

    /** What the second-factor page shows: where the code went. */
    public LoginResult.SecondFactorRequired secondFactorStatus(String browserNonce) {
        PendingLogins.PendingLogin login = pendingSecondFactor(browserNonce);
        return new LoginResult.SecondFactorRequired(CodeMailer.masked(login.email()), null);
    }

    public LoginResult.SecondFactorRequired resendCode(String browserNonce, String userAgent) {
        PendingLogins.PendingLogin login = pendingSecondFactor(browserNonce);
        return sendLoginCode(Hashes.sha256(browserNonce), browserNonce, userAgent, login.accountId(), login.email());
    }

    /** Checks the one-time code of a pending login; right: the session opens. Wrong codes count toward the lock. */
    public OpenedSession verifyCode(String browserNonce, String code, String userAgent, String ip) {
        return verify(browserNonce, code, userAgent, ip).session();
    }

    /**
     * {@link #verifyCode} for a login the portal started: the session with the name reported at the login, which the
     * portal greets people by.
     */
    public SecondFactorPassed verifyHandoffCode(String login, String code, String userAgent, String ip) {
        return verify(login, code, userAgent, ip);
    }

    private SecondFactorPassed verify(String browserNonce, String code, String userAgent, String ip) {
        PendingLogins.PendingLogin login = pendingSecondFactor(browserNonce);
        String browserHash = Hashes.sha256(browserNonce);
        boolean matched = codes.consume(loginCodeKey(browserHash), code, OneTimeCodes.binding(browserNonce, userAgent));
        CodeCheck check = accounts.verifyCode(login.accountId(), matched, CodePurpose.SECOND_FACTOR, ip);
        switch (check.outcome()) {
            case ACCEPTED -> {
                pending.remove(browserHash);
                return new SecondFactorPassed(sessions.open(login.accountId(), login.method(), login.claims(),
                        userAgent, ip), login.person());
            }
            case WRONG -> {
                metrics.loginFailed(login.method().name(), CodePurpose.SECOND_FACTOR.name());
                throw AuthException.wrongCode(check.remaining());
            }
            case LOCKED -> {
                // The pending login stays: every further attempt in it is refused as locked, too.
                metrics.loginFailed(login.method().name(), LoginCheck.LOCKED);
                if (check.justLocked()) {
                    metrics.lockout();
                }
                throw AuthException.locked(check.lockedUntil());
            }
            default -> {
                pending.remove(browserHash);
                metrics.loginFailed(login.method().name(), "REFUSED");
                throw AuthException.forbidden("The login was refused.");
            }
        }
    }

    /** An unconfirmed person, identified at a login that was refused for it, asks for activation. */
    public void requestActivation(String browserNonce) {
        String browserHash = browserNonce == null ? null : Hashes.sha256(browserNonce);
        PendingLogins.PendingLogin login = browserHash == null ? null
                : pending.find(browserHash, PendingLogins.Stage.ACTIVATION).orElse(null);
        if (login == null) {
            throw AuthException.unauthorized("Log in first; the account's activation can then be requested.");
        }
        accounts.requestActivation(login.accountId());
        pending.remove(browserHash);
    }

    public Optional<URI> logoutUrl(String providerId, URI returnTo) {
        IdentityProvider provider = providers.get(providerId);
        return provider == null ? Optional.empty() : provider.logoutUrl(returnTo);
    }

    private LoginResult.SecondFactorRequired sendLoginCode(String browserHash, String browserNonce, String userAgent,
                                                           String accountId, String email) {
        OneTimeCodes.IssuedCode issued = codes.issue(loginCodeKey(browserHash), accountId, CodePurpose.SECOND_FACTOR,
                OneTimeCodes.binding(browserNonce, userAgent));
        mailer.send(accountId, email, issued.code(), CodePurpose.SECOND_FACTOR);
        return new LoginResult.SecondFactorRequired(CodeMailer.masked(email), issued.expiresAt());
    }

    private void rememberForActivation(AuthException refused, String browserHash, String accountId,
                                       IdentityProvider provider, SessionClaims claims, String dataSubject) {
        if (NEEDS_CONFIRMATION.equals(refused.kind())) {
            pending.save(browserHash, new PendingLogins.PendingLogin(PendingLogins.Stage.ACTIVATION, accountId,
                    provider.method(), claims, dataSubject, null, null));
        }
    }

    private PendingLogins.PendingLogin pendingSecondFactor(String browserNonce) {
        return Optional.ofNullable(browserNonce)
                .flatMap(nonce -> pending.find(Hashes.sha256(nonce), PendingLogins.Stage.SECOND_FACTOR))
                .orElseThrow(() -> AuthException.unauthorized("No login is waiting for a one-time code here."));
    }

    /** What {@link #complete} answers (a session or a pending second factor), as the portal will learn it. */
    private static LoginHandoff handoffOf(LoginResult result, String browserNonce) {
        if (result instanceof LoginResult.SessionOpened opened) {
            return new LoginHandoff.SessionOpened(opened.refreshToken(), opened.person());
        }
        LoginResult.SecondFactorRequired pending = (LoginResult.SecondFactorRequired) result;
        return new LoginHandoff.SecondFactorRequired(browserNonce, pending.maskedEmail(), pending.expiresAt());
    }

    private static LoginResult handoffFailed(String providerId, String kind) {
        log.info("A portal login through {} ended without a session: {}", providerId, kind);
        return new LoginResult.HandoffFailed(switch (kind) {
            case "login-cancelled", "identity-provider-denied-scope" -> "access_denied";
            case "account-blocked" -> "account_blocked";
            case "account-locked" -> "account_locked";
            case "second-factor-unavailable" -> "second_factor_unavailable";
            default -> "login_failed";
        });
    }

    private IdentityProvider provider(String providerId) {
        IdentityProvider provider = providers.get(providerId);
        if (provider == null) {
            throw new NotFoundException("No such identity provider.");
        }
        return provider;
    }

    private static String loginCodeKey(String browserHash) {
        return "login:" + browserHash;
    }

    /** @param person the name reported at the login; null for a pending login saved before the name was kept */
    public record SecondFactorPassed(OpenedSession session, PersonName person) {

        @Override
        public String toString() {
            return "SecondFactorPassed[***]";
        }
    }
}
