package ru.frmr.auth.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.api.EndSessionCommand;
import ru.frmr.auth.api.OpenSessionCommand;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.RefreshTokenRotatedEvent;
import ru.frmr.auth.api.RotateRefreshTokenCommand;
import ru.frmr.auth.api.Rotation;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.api.SessionEndedEvent;
import ru.frmr.auth.api.SessionOpenedEvent;
import ru.frmr.contracts.auth.LoginMethod;
import ru.frmr.kit.error.BusinessRuleException;

class SessionTest {

    private static final String SID = "6b1f0d7e-4c55-4b8e-9a51-000000000001";
    private static final String ACCOUNT = "3f0a3c1e-5d2b-3c4d-8e9f-000000000001";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final SessionClaims CLAIMS = new SessionClaims(List.of(PlatformRole.WORKER),
            "8c1f2c4e-1111-3a2b-9c3d-000000000001", null);
    private static final String H1 = "1".repeat(64);
    private static final String H2 = "2".repeat(64);
    private static final String H3 = "3".repeat(64);

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12)));
    }

    private static SessionOpenedEvent opened() {
        return new SessionOpenedEvent(SID, ACCOUNT, LoginMethod.ESIA, CLAIMS, H1, "Firefox", "127.0.0.1", T0);
    }

    @Test
    void opensWithTheHashOfItsFirstRefreshToken() {
        fixture.givenNoPriorActivity()
                .when(new OpenSessionCommand(SID, ACCOUNT, LoginMethod.ESIA, CLAIMS, H1, "Firefox", "127.0.0.1", T0))
                .expectEvents(opened());
    }

    @Test
    void refusesSomethingThatIsNotAHash() {
        fixture.givenNoPriorActivity()
                .when(new OpenSessionCommand(SID, ACCOUNT, LoginMethod.ESIA, CLAIMS, "not-a-hash", null, null, T0))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void refusesASessionWithoutRoles() {
        fixture.givenNoPriorActivity()
                .when(new OpenSessionCommand(SID, ACCOUNT, LoginMethod.ESIA, new SessionClaims(List.of(), null, null),
                        H1, null, null, T0))
                .expectException(BusinessRuleException.class);
    }

    @Test
    void theCurrentTokenIsExchangedForTheNext() {
        Instant at = T0.plusSeconds(240);
        fixture.given(opened())
                .when(new RotateRefreshTokenCommand(SID, H1, H2, at))
                .expectResultMessagePayload(new Rotation(Rotation.Outcome.ROTATED, ACCOUNT, CLAIMS))
                .expectEvents(new RefreshTokenRotatedEvent(SID, ACCOUNT, H2, at));
    }

    @Test
    void aSpentTokenRevokesTheWholeSession() {
        Instant at = T0.plusSeconds(500);
        fixture.given(opened(), new RefreshTokenRotatedEvent(SID, ACCOUNT, H2, T0.plusSeconds(240)))
                .when(new RotateRefreshTokenCommand(SID, H1, H3, at))
                .expectResultMessagePayload(Rotation.of(Rotation.Outcome.REUSED))
                .expectEvents(new SessionEndedEvent(SID, ACCOUNT, SessionEndReason.REFRESH_TOKEN_REUSE, at));
    }

    @Test
    void afterAReuseEvenTheNewestTokenIsDead() {
        fixture.given(opened(), new RefreshTokenRotatedEvent(SID, ACCOUNT, H2, T0.plusSeconds(240)),
                        new SessionEndedEvent(SID, ACCOUNT, SessionEndReason.REFRESH_TOKEN_REUSE, T0.plusSeconds(500)))
                .when(new RotateRefreshTokenCommand(SID, H2, H3, T0.plusSeconds(501)))
                .expectResultMessagePayload(Rotation.of(Rotation.Outcome.ENDED))
                .expectNoEvents();
    }

    @Test
    void anUnknownTokenChangesNothing() {
        fixture.given(opened())
                .when(new RotateRefreshTokenCommand(SID, H3, H2, T0.plusSeconds(5)))
                .expectResultMessagePayload(Rotation.of(Rotation.Outcome.UNKNOWN))
                .expectNoEvents();
    }

    /** Refused, not ended: the account decides which sessions end for their time (the sweeper asks it). */
    @Test
    void anIdleSessionIsRefusedAtItsNextUse() {
        Instant at = T0.plus(Duration.ofMinutes(30));
        fixture.given(opened())
                .when(new RotateRefreshTokenCommand(SID, H1, H2, at))
                .expectResultMessagePayload(Rotation.of(Rotation.Outcome.EXPIRED))
                .expectNoEvents();
    }

    @Test
    void anActiveSessionIsStillRefusedAfterTwelveHours() {
        Instant lastRefresh = T0.plus(Duration.ofHours(11).plusMinutes(50));
        Instant at = T0.plus(Duration.ofHours(12));
        fixture.given(opened(), new RefreshTokenRotatedEvent(SID, ACCOUNT, H2, lastRefresh))
                .when(new RotateRefreshTokenCommand(SID, H2, H3, at))
                .expectResultMessagePayload(Rotation.of(Rotation.Outcome.EXPIRED))
                .expectNoEvents();
        fixture.given(opened(), new RefreshTokenRotatedEvent(SID, ACCOUNT, H2, lastRefresh))
                .when(new RotateRefreshTokenCommand(SID, H2, H3, at.minusSeconds(1)))
                .expectResultMessagePayload(new Rotation(Rotation.Outcome.ROTATED, ACCOUNT, CLAIMS));
    }

    @Test
    void anEndedSessionCannotBeRefreshed() {
        fixture.given(opened(), new SessionEndedEvent(SID, ACCOUNT, SessionEndReason.LOGOUT, T0.plusSeconds(1)))
                .when(new RotateRefreshTokenCommand(SID, H1, H2, T0.plusSeconds(2)))
                .expectResultMessagePayload(Rotation.of(Rotation.Outcome.ENDED))
                .expectNoEvents();
    }

    @Test
    void endingTwiceRecordsOneEnd() {
        fixture.given(opened())
                .when(new EndSessionCommand(SID, SessionEndReason.ENDED_BY_USER, T0.plusSeconds(1)))
                .expectEvents(new SessionEndedEvent(SID, ACCOUNT, SessionEndReason.ENDED_BY_USER, T0.plusSeconds(1)));
        fixture.given(opened(), new SessionEndedEvent(SID, ACCOUNT, SessionEndReason.LOGOUT, T0.plusSeconds(1)))
                .when(new EndSessionCommand(SID, SessionEndReason.SESSION_LIMIT, T0.plusSeconds(2)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
