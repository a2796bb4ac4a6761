package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.frmr.auth.employer.EmployerOrganizations;

/**
 * A hospital's staff behind one NAT address log in one after another: nothing in auth-service budgets
 * logins per address (the gateway's address budget is sized for an organisation, docs/edge-budgets.md),
 * so every one of them gets a session, the second factor included, and no account is locked. All
 * requests of this test come from 127.0.0.1.
 */
class OneAddressManyLoginsIT extends AuthIntegrationTest {

    @Autowired
    EmployerOrganizations employers;

    @Test
    void twentyPeopleLogInFromOneAddressSecondFactorIncluded() {
        EmployerEvents.fixtureOrganisationsKnown(employers);
        TestPeople[] staff = TestPeople.values();
        List<LoggedIn> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestPeople person = staff[i % staff.length];
            sessions.add(login(browser("Hospital PC " + i), person));
        }

        assertThat(sessions).hasSize(20).allSatisfy(session -> assertThat(session.accessToken()).isNotBlank());
        // Five of the eight fixture people need the mailed code (the two HR officers of medical organisations and the
        // three with granted roles): most of these logins passed the second factor.
        assertThat(sessions).filteredOn(session -> session.code() != null).hasSizeGreaterThanOrEqualTo(12);
    }
}
