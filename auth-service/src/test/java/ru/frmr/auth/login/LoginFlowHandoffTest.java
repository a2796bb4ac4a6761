package ru.frmr.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.api.ContactReport;
import ru.frmr.auth.api.LoginCheck;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.employer.OrganisationMembers;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.identity.AuthorizationRequest;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.IdentityProvider;
import ru.frmr.auth.identity.IdentityProviderException;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.secondfactor.CodeMailer;
import ru.frmr.auth.secondfactor.ContactChanges;
import ru.frmr.auth.secondfactor.OneTimeCodes;
import ru.frmr.auth.session.Hashes;
import ru.frmr.auth.session.OpenedSession;
import ru.frmr.auth.session.RefreshToken;
import ru.frmr.auth.session.Sessions;
import ru.frmr.auth.session.WorkerLinks;
import ru.frmr.contracts.auth.LoginMethod;

/**
 * How a callback ends for a login the portal started (a handoff, or an error slug for the portal, never a thrown
 * refusal) and that a login the browser started alone still ends as before. The collaborators are mocks: what is
 * checked is the flow's choice between them.
 */
class LoginFlowHandoffTest {

    private static final String NONCE = Hashes.randomSecret();
    private static final String CHALLENGE = "eOGTXCdjegV_x0sUYc7PFccXI8OXhwdsjcsGoSvcG4Y";
    private static final Map<String, String> CALLBACK = Map.of("code", "esia-code", "state", "state-1");
    private static final SessionClaims WORKER = new SessionClaims(List.of(PlatformRole.WORKER), null, null);
    private static final IdentifiedPerson PERSON = new IdentifiedPerson("1000299654", "Иванова", "Мария", null,
            LocalDate.of(1985, 4, 12), "F", "11223344595", "ivanova@frmr.test", "+79990000001", true, List.of());
    private static final PersonName NAME = new PersonName("Иванова", "Мария", null);

    private final IdentityProvider provider = mock(IdentityProvider.class);
    private final AuthorizationRequests started = mock(AuthorizationRequests.class);
    private final PendingLogins pending = mock(PendingLogins.class);
    private final Accounts accounts = mock(Accounts.class);
    private final RoleResolver roles = mock(RoleResolver.class);
    private final OneTimeCodes codes = mock(OneTimeCodes.class);
    private final Sessions sessions = mock(Sessions.class);
    private final LoginHandoffs handoffs = mock(LoginHandoffs.class);
    private final AuthorizationRequest request = new AuthorizationRequest(URI.create("https://esia.test/ac"),
            "state-1", Map.of());
    private LoginFlow flow;

    @BeforeEach
    void setUp() {
        WorkerLinks workerLinks = mock(WorkerLinks.class);
        PersonalDataVault vault = mock(PersonalDataVault.class);
        AuthQueries queries = mock(AuthQueries.class);
        when(provider.id()).thenReturn("esia");
        when(provider.method()).thenReturn(LoginMethod.ESIA);
        when(provider.complete(eq(request), any())).thenReturn(PERSON);
        when(roles.resolve(anyString(), eq(PERSON))).thenReturn(WORKER);
        when(queries.account(anyString())).thenReturn(Optional.empty());
        when(vault.subjectFor(PERSON.snils())).thenReturn("data-subject");
        when(accounts.reportContacts(anyString(), any(), any())).thenReturn(new ContactReport("ivanova@frmr.test",
                null));
        when(workerLinks.awaited(anyString(), eq(WORKER))).thenReturn(WORKER);
        when(handoffs.issue(any(), eq(CHALLENGE))).thenReturn("handoff-code");
        flow = new LoginFlow(List.of(provider), started, pending, accounts, roles, codes, mock(CodeMailer.class),
                sessions, mock(AuthMetrics.class), vault, mock(ContactChanges.class), queries, workerLinks, handoffs,
                mock(OrganisationMembers.class));
    }

    @Test
    void anOpenedSessionIsHandedOffWithItsRefreshTokenAndTheNameReportedAtTheLogin() {
        startedBy(CHALLENGE);
        RefreshToken refresh = RefreshToken.issue("0b7c9a3e-1f2d-4c5b-8a9e-123456789abc");
        when(sessions.start(anyString(), eq(LoginMethod.ESIA), eq(WORKER), eq("Firefox"), eq("203.0.113.7")))
                .thenReturn(refresh);

        assertThat(callback(NONCE)).isEqualTo(new LoginResult.HandedOff("handoff-code"));
        verify(handoffs).issue(new LoginHandoff.SessionOpened(refresh, NAME), CHALLENGE);
    }

    @Test
    void aSecondFactorIsHandedOffWithThePendingLoginsSecretAndThePendingLoginKeepsTheName() {
        startedBy(CHALLENGE);
        Instant expires = Instant.parse("2026-11-25T10:05:00Z");
        when(roles.needsSecondFactor(WORKER)).thenReturn(true);
        when(accounts.checkLoginAllowed(anyString(), eq("203.0.113.7"))).thenReturn(LoginCheck.allowed());
        when(codes.issue(anyString(), anyString(), any(), anyString()))
                .thenReturn(new OneTimeCodes.IssuedCode("123456", expires));

        assertThat(callback(NONCE)).isEqualTo(new LoginResult.HandedOff("handoff-code"));
        verify(handoffs).issue(new LoginHandoff.SecondFactorRequired(NONCE, "i***@frmr.test", expires), CHALLENGE);
        verify(pending).save(eq(Hashes.sha256(NONCE)), argThat(login -> NAME.equals(login.person())));
    }

    @Test
    void theRightCodeOfAPortalLoginOpensTheSessionWithTheNameOfThePendingLogin() {
        OpenedSession session = new OpenedSession("session-1",
                RefreshToken.issue("0b7c9a3e-1f2d-4c5b-8a9e-123456789abc"), "access-token");
        when(pending.find(Hashes.sha256(NONCE), PendingLogins.Stage.SECOND_FACTOR)).thenReturn(Optional.of(
                new PendingLogins.PendingLogin(PendingLogins.Stage.SECOND_FACTOR, "esia:1000299654",
                        LoginMethod.ESIA, WORKER, "data-subject", "ivanova@frmr.test", NAME)));
        when(codes.consume(anyString(), eq("123456"), anyString())).thenReturn(true);
        when(accounts.verifyCode("esia:1000299654", true, CodePurpose.SECOND_FACTOR, "203.0.113.7"))
                .thenReturn(new CodeCheck(CodeCheck.Outcome.ACCEPTED, 0, null, false));
        when(sessions.open("esia:1000299654", LoginMethod.ESIA, WORKER, "Firefox", "203.0.113.7"))
                .thenReturn(session);

        assertThat(flow.verifyHandoffCode(NONCE, "123456", "Firefox", "203.0.113.7"))
                .isEqualTo(new LoginFlow.SecondFactorPassed(session, NAME));
        verify(pending).remove(Hashes.sha256(NONCE));
    }

    @Test
    void anUnconfirmedAccountIsHandedOffForItsActivationRequest() {
        startedBy(CHALLENGE);
        when(sessions.start(anyString(), any(), any(), any(), any())).thenThrow(AuthException.needsConfirmation());

        assertThat(callback(NONCE)).isEqualTo(new LoginResult.HandedOff("handoff-code"));
        verify(handoffs).issue(new LoginHandoff.ActivationRequired(NONCE), CHALLENGE);
        verify(pending).save(eq(Hashes.sha256(NONCE)), any());
    }

    @Test
    void refusalsBecomeSlugsForThePortal() {
        startedBy(CHALLENGE);
        doThrow(AuthException.blocked()).when(sessions).start(anyString(), any(), any(), any(), any());
        assertThat(callback(NONCE)).isEqualTo(new LoginResult.HandoffFailed("account_blocked"));

        startedBy(CHALLENGE);
        doThrow(AuthException.locked(Instant.parse("2026-11-25T10:15:00Z"))).when(sessions)
                .start(anyString(), any(), any(), any(), any());
        assertThat(callback(NONCE)).isEqualTo(new LoginResult.HandoffFailed("account_locked"));

        startedBy(CHALLENGE);
        doThrow(new IdentityProviderException(HttpStatus.FORBIDDEN, "login-cancelled",
                "The person cancelled the login.", "ESIA-007014")).when(provider).complete(eq(request), any());
        assertThat(callback(NONCE)).isEqualTo(new LoginResult.HandoffFailed("access_denied"));

        startedBy(CHALLENGE);
        doThrow(new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-error", "ESIA failed.",
                null)).when(provider).complete(eq(request), any());
        assertThat(callback(NONCE)).isEqualTo(new LoginResult.HandoffFailed("login_failed"));

        startedBy(CHALLENGE);
        assertThat(callback(Hashes.randomSecret())).as("started in another browser")
                .isEqualTo(new LoginResult.HandoffFailed("login_failed"));
        verify(handoffs, never()).issue(any(), anyString());
    }

    @Test
    void aLoginTheBrowserStartedAloneStillThrowsItsRefusalsAndGetsNoHandoff() {
        startedBy(null);
        when(provider.complete(eq(request), any())).thenThrow(new IdentityProviderException(HttpStatus.FORBIDDEN,
                "login-cancelled", "The person cancelled the login.", null));
        assertThatThrownBy(() -> callback(NONCE)).isInstanceOf(IdentityProviderException.class);

        startedBy(null);
        RefreshToken refresh = RefreshToken.issue("0b7c9a3e-1f2d-4c5b-8a9e-123456789abc");
        doReturn(PERSON).when(provider).complete(eq(request), any());
        when(sessions.start(anyString(), any(), any(), any(), any())).thenReturn(refresh);
        assertThat(callback(NONCE)).as("the browser flow is told no name")
                .isEqualTo(new LoginResult.SessionOpened(refresh, null));
        verify(handoffs, never()).issue(any(), any());
    }

    @Test
    void anUnknownStateIsStillAProblemForPortalLoginsToo() {
        when(started.take("state-1")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> callback(NONCE)).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.kind()).isEqualTo("invalid-state"));
    }

    private void startedBy(String challenge) {
        when(started.take("state-1")).thenReturn(Optional.of(new AuthorizationRequests.Started("esia",
                Hashes.sha256(NONCE), request, challenge)));
    }

    private LoginResult callback(String nonce) {
        return flow.callback("esia", CALLBACK, nonce, "Firefox", "203.0.113.7");
    }
}
