package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A hospital's staff behind one NAT address log in one after another: nothing in auth-service budgets
 * logins per address (the gateway's address budget is sized for an organisation, docs/edge-budgets.md),
 * so every one of them gets a session, the second factor included, and no account is locked. All
 * requests of this test come from 127.0.0.1.
 */
class OneAddressManyLoginsIT extends AuthIntegrationTest {

    @Test
    void twentyPeopleLogInFromOneAddressSecondFactorIncluded() {
        TestPeople[] staff = TestPeople.values();
        List<LoggedIn> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestPeople person = staff[i % staff.length];
            sessions.add(login(browser("Hospital PC " + i), person));
        }

        assertThat(sessions).hasSize(20).allSatisfy(session -> assertThat(session.accessToken()).isNotBlank());
        // Four of the six fixture people need the mailed code: most of these logins passed the second factor.
        assertThat(sessions).filteredOn(session -> session.code() != null).hasSizeGreaterThanOrEqualTo(12);
    }
}
