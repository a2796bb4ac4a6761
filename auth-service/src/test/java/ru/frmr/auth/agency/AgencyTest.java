package ru.frmr.auth.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.auth.agency.AgencyCommands.IssueKafkaCredentialsCommand;
import ru.frmr.auth.agency.AgencyCommands.OnboardAgencyCommand;
import ru.frmr.auth.agency.AgencyCommands.RevokeAgencyCommand;
import ru.frmr.auth.agency.AgencyEvents.AgencyKafkaCredentialsIssuedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyOnboardedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyRevokedEvent;
import ru.frmr.contracts.auth.AgencyKind;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;

class AgencyTest {

    private static final String ID = "ag-k3mbq2w7x4za";
    private static final String USER = "agency-k3mbq2w7x4za";
    private static final String NAME = "Министерство здравоохранения Московской области";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final KafkaPassword PASSWORD = new KafkaPassword("p".repeat(43));
    private static final KafkaPassword NEW_PASSWORD = new KafkaPassword("q".repeat(43));

    private FixtureConfiguration<Agency> fixture;
    private final RecordingBroker broker = new RecordingBroker();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
        fixture.registerInjectableResource(broker);
    }

    private static AgencyOnboardedEvent onboarded() {
        return new AgencyOnboardedEvent(ID, NAME, AgencyKind.REGIONAL_HEALTH_AUTHORITY, "50", USER, T0);
    }

    @Test
    void onboardingGrantsTheBrokerUserFirstThenRecordsTheAgencyAndItsCredentials() {
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, "  " + NAME + " ", AgencyKind.REGIONAL_HEALTH_AUTHORITY, "50",
                        PASSWORD, T0))
                .expectEvents(onboarded(), new AgencyKafkaCredentialsIssuedEvent(ID, USER, T0));
        assertThat(broker.calls).containsExactly("grant " + USER + " " + PASSWORD.value());
    }

    @Test
    void aFederalAgencyHasNoRegion() {
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, "Росздравнадзор", AgencyKind.ROSZDRAVNADZOR, null, PASSWORD, T0))
                .expectEvents(new AgencyOnboardedEvent(ID, "Росздравнадзор", AgencyKind.ROSZDRAVNADZOR, null, USER, T0),
                        new AgencyKafkaCredentialsIssuedEvent(ID, USER, T0));
    }

    @Test
    void aRegionalAuthorityNeedsAValidRegionAndOthersMayNotHaveOne() {
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, NAME, AgencyKind.REGIONAL_HEALTH_AUTHORITY, null, PASSWORD, T0))
                .expectException(BusinessRuleException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, NAME, AgencyKind.REGIONAL_HEALTH_AUTHORITY, "00", PASSWORD, T0))
                .expectException(BusinessRuleException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, NAME, AgencyKind.MINZDRAV, "77", PASSWORD, T0))
                .expectException(BusinessRuleException.class).expectNoEvents();
        assertThat(broker.calls).isEmpty();
    }

    @Test
    void refusesABlankOrTooLongNameAndAMalformedId() {
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, " ", AgencyKind.MINZDRAV, null, PASSWORD, T0))
                .expectException(BusinessRuleException.class);
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, "м".repeat(Agency.NAME_MAX + 1), AgencyKind.MINZDRAV, null,
                        PASSWORD, T0))
                .expectException(BusinessRuleException.class);
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand("ag-UPPER000000", NAME, AgencyKind.MINZDRAV, null, PASSWORD, T0))
                .expectException(BusinessRuleException.class);
        assertThat(broker.calls).isEmpty();
    }

    @Test
    void anUnreachableBrokerLeavesNothingRecorded() {
        broker.down = true;
        fixture.givenNoPriorActivity()
                .when(new OnboardAgencyCommand(ID, NAME, AgencyKind.REGIONAL_HEALTH_AUTHORITY, "50", PASSWORD, T0))
                .expectException(BrokerUnavailableException.class).expectNoEvents();
        fixture.given(onboarded())
                .when(new IssueKafkaCredentialsCommand(ID, NEW_PASSWORD, T1))
                .expectException(BrokerUnavailableException.class).expectNoEvents();
        fixture.given(onboarded())
                .when(new RevokeAgencyCommand(ID, T1))
                .expectException(BrokerUnavailableException.class).expectNoEvents();
    }

    @Test
    void rotationSetsANewPasswordAndRecordsItsIssueWithoutThePassword() {
        fixture.given(onboarded(), new AgencyKafkaCredentialsIssuedEvent(ID, USER, T0))
                .when(new IssueKafkaCredentialsCommand(ID, NEW_PASSWORD, T1))
                .expectEvents(new AgencyKafkaCredentialsIssuedEvent(ID, USER, T1))
                .expectResultMessagePayload(new AgencyState(ID, NAME, AgencyKind.REGIONAL_HEALTH_AUTHORITY, "50",
                        AgencyStatus.ACTIVE, T0, null, USER));
        assertThat(broker.calls).containsExactly("grant " + USER + " " + NEW_PASSWORD.value());
    }

    @Test
    void revocationRemovesTheBrokerUserThenRecordsIt() {
        fixture.given(onboarded())
                .when(new RevokeAgencyCommand(ID, T1))
                .expectEvents(new AgencyRevokedEvent(ID, T1))
                .expectResultMessagePayload(new AgencyState(ID, NAME, AgencyKind.REGIONAL_HEALTH_AUTHORITY, "50",
                        AgencyStatus.REVOKED, T0, T1, USER));
        assertThat(broker.calls).containsExactly("remove " + USER);
    }

    @Test
    void aSecondRevocationChangesNothing() {
        fixture.given(onboarded(), new AgencyRevokedEvent(ID, T0.plusSeconds(60)))
                .when(new RevokeAgencyCommand(ID, T1))
                .expectNoEvents()
                .expectResultMessagePayload(new AgencyState(ID, NAME, AgencyKind.REGIONAL_HEALTH_AUTHORITY, "50",
                        AgencyStatus.REVOKED, T0, T0.plusSeconds(60), USER));
        assertThat(broker.calls).isEmpty();
    }

    @Test
    void aRevokedAgencyGetsNoNewCredentials() {
        fixture.given(onboarded(), new AgencyRevokedEvent(ID, T0.plusSeconds(60)))
                .when(new IssueKafkaCredentialsCommand(ID, NEW_PASSWORD, T1))
                .expectException(ConflictException.class).expectNoEvents();
        assertThat(broker.calls).isEmpty();
    }

    @Test
    void thePasswordNeverShowsInItsTextForm() {
        KafkaPassword password = KafkaPassword.random();
        assertThat(password.value()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(password.toString()).doesNotContain(password.value());
        assertThat(new OnboardAgencyCommand(ID, NAME, AgencyKind.MINZDRAV, null, password, T0).toString())
                .doesNotContain(password.value());
        assertThat(KafkaPassword.random()).isNotEqualTo(password);
    }

    /** Records what the aggregate asked of the broker; {@code down} makes every call fail as an outage does. */
    static final class RecordingBroker implements SubscriberAccounts {

        final List<String> calls = new ArrayList<>();
        boolean down;

        @Override
        public void grant(String username, KafkaPassword password) {
            fail();
            calls.add("grant " + username + " " + password.value());
        }

        @Override
        public void remove(String username) {
            fail();
            calls.add("remove " + username);
        }

        private void fail() {
            if (down) {
                throw new BrokerUnavailableException("down");
            }
        }
    }
}
