package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.employer.EmployerOrganizations;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;

/**
 * Who becomes EMPLOYER_HR, with the employer-service's events on the real broker and logins at the real ESIA
 * emulator: the chief and the administrator of a known medical organisation, and an ordinary member only while the
 * chief's grant holds; an employee of a company the employer-service does not know never. The chief alone reads
 * the members auth-service saw log in.
 */
class EmployerHrLoginIT extends AuthIntegrationTest {

    @Autowired
    EmployerOrganizations employers;

    @BeforeEach
    void organisationsKnown() {
        EmployerEvents.fixtureOrganisationsKnown(employers);
    }

    @Test
    void theChiefAndTheAdministratorOfMedicalOrganisationsActForThem() throws Exception {
        JWTClaimsSet chief = claims(login(browser("Chief's PC"), TestPeople.SIDOROVA_HR));
        assertThat(chief.getStringListClaim("roles")).containsExactly("WORKER", "EMPLOYER_HR");
        assertThat(chief.getStringClaim("org_id")).isEqualTo(EmployerEvents.POLYCLINIC);
        assertThat(chief.getStringClaim("org_basis")).isEqualTo("CHIEF");

        LoggedIn admin = login(browser("Admin's PC"), TestPeople.VOLKOVA_HR);
        assertThat(admin.code()).as("EMPLOYER_HR needs the second factor").isNotNull();
        JWTClaimsSet adminClaims = claims(admin);
        assertThat(adminClaims.getStringListClaim("roles")).containsExactly("WORKER", "EMPLOYER_HR");
        assertThat(adminClaims.getStringClaim("org_id")).isEqualTo(EmployerEvents.PODOLSK);
        assertThat(adminClaims.getStringClaim("org_basis")).isEqualTo("ADMIN");
    }

    @Test
    void anEmployeeOfACompanyTheEmployerServiceDoesNotKnowIsAWorker() throws Exception {
        LoggedIn belov = login(browser("Office PC"), TestPeople.BELOV);
        assertThat(belov.code()).isNull();
        JWTClaimsSet claims = claims(belov);
        assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER");
        assertThat(claims.getClaims()).doesNotContainKeys("org_id", "org_basis");
    }

    @Test
    void anOrganisationWhoseOgrnACorrectionChangedNoLongerMakesItsChiefHr() throws Exception {
        // A correction moves the Podolsk hospital to another ОГРН; the emulator still lists the old one for Volkova.
        EmployerEvents.publish(UUID.randomUUID().toString(), new MedicalOrganizationCorrected(EmployerEvents.PODOLSK,
                "ГБУЗ МО «Подольская городская клиническая больница»", "1027739609391", "5036012016", "503601001",
                "1.2.643.5.1.13.13.12.2.50.5036", "50", "Московская область, г. Подольск, ул. Больничная, д. 38",
                Long.MAX_VALUE - 1, Instant.now()));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    employers.organizationWithOgrn(EmployerEvents.PODOLSK_OGRN).isEmpty());
            JWTClaimsSet claims = claims(login(browser("Admin's PC"), TestPeople.VOLKOVA_HR));
            assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER");
        } finally {
            // Back as the fixture has it, for the other tests of this context (a newer version than the correction).
            EmployerEvents.publish(UUID.randomUUID().toString(), new MedicalOrganizationCorrected(
                    EmployerEvents.PODOLSK, "ГБУЗ МО «Подольская городская клиническая больница»",
                    EmployerEvents.PODOLSK_OGRN, "5036012016", "503601001", "1.2.643.5.1.13.13.12.2.50.5036", "50",
                    "Московская область, г. Подольск, ул. Больничная, д. 38", Long.MAX_VALUE, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    employers.organizationWithOgrn(EmployerEvents.PODOLSK_OGRN).isPresent());
        }
    }

    @Test
    void anOrdinaryMemberIsHrWhileTheChiefsGrantHoldsAndTheChiefAloneSeesTheMembers() throws Exception {
        String petrovAccount = Accounts.idFor("esia", TestPeople.PETROV.oid);
        long version = System.nanoTime();
        try {
            LoggedIn before = login(browser("Petrov's PC"), TestPeople.PETROV);
            assertThat(claims(before).getStringListClaim("roles")).containsExactly("WORKER");

            EmployerEvents.publish(UUID.randomUUID().toString(), new HrRightGranted(EmployerEvents.POLYCLINIC,
                    petrovAccount, version, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    employers.holdsHrRight(EmployerEvents.POLYCLINIC, petrovAccount));
            // A grant needs the second factor: it comes with the next login, not with a refresh.
            Browser petrovsPc = browser("Petrov's PC");
            LoggedIn granted = login(petrovsPc, TestPeople.PETROV);
            assertThat(granted.code()).isNotNull();
            JWTClaimsSet claims = claims(granted);
            assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER", "EMPLOYER_HR");
            assertThat(claims.getStringClaim("org_id")).isEqualTo(EmployerEvents.POLYCLINIC);
            assertThat(claims.getStringClaim("org_basis")).isEqualTo("GRANTED");

            LoggedIn chief = login(browser("Chief's PC"), TestPeople.SIDOROVA_HR);
            HttpResponse<String> members = petrovsPc.get("/api/auth/organizations/" + EmployerEvents.POLYCLINIC
                    + "/members", chief.accessToken());
            assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
            JsonNode list = Browser.json(members);
            assertThat(member(list, petrovAccount).path("fullName").asText()).isEqualTo("Петров Пётр Сергеевич");
            assertThat(member(list, petrovAccount).path("hrRight").asBoolean()).isTrue();
            assertThat(member(list, petrovAccount).path("chief").asBoolean()).isFalse();
            JsonNode sidorova = member(list, Accounts.idFor("esia", TestPeople.SIDOROVA_HR.oid));
            assertThat(sidorova.path("chief").asBoolean()).isTrue();
            assertThat(sidorova.path("fullName").asText()).isEqualTo("Сидорова Анна Викторовна");
            assertThat(list.findValuesAsText("accountId")).as("only this organisation's members")
                    .doesNotContain(Accounts.idFor("esia", TestPeople.BELOV.oid),
                            Accounts.idFor("esia", TestPeople.VOLKOVA_HR.oid));

            assertProblem(petrovsPc.get("/api/auth/organizations/" + EmployerEvents.POLYCLINIC + "/members",
                    granted.accessToken()), 403, "forbidden");
            LoggedIn admin = login(browser("Admin's PC"), TestPeople.VOLKOVA_HR);
            assertProblem(petrovsPc.get("/api/auth/organizations/" + EmployerEvents.POLYCLINIC + "/members",
                    admin.accessToken()), 403, "forbidden");
            assertProblem(petrovsPc.get("/api/auth/organizations/" + EmployerEvents.PODOLSK + "/members",
                    admin.accessToken()), 403, "forbidden");
            assertProblem(petrovsPc.get("/api/auth/organizations/" + EmployerEvents.POLYCLINIC + "/members",
                    before.accessToken()), 403, "forbidden");

            EmployerEvents.publish(UUID.randomUUID().toString(), new HrRightRevoked(EmployerEvents.POLYCLINIC,
                    petrovAccount, version + 1, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !employers.holdsHrRight(EmployerEvents.POLYCLINIC, petrovAccount));
            // A revocation takes EMPLOYER_HR away at the session's next refresh.
            HttpResponse<String> refreshed = petrovsPc.refresh();
            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
            JWTClaimsSet after = SignedJWT.parse(Browser.json(refreshed).get("access_token").asText())
                    .getJWTClaimsSet();
            assertThat(after.getStringListClaim("roles")).containsExactly("WORKER");
            assertThat(after.getClaims()).doesNotContainKeys("org_id", "org_basis");
        } finally {
            // Other tests of this context log Petrov in as a plain worker.
            EmployerEvents.publish(UUID.randomUUID().toString(), new HrRightRevoked(EmployerEvents.POLYCLINIC,
                    petrovAccount, version + 2, Instant.now()));
        }
    }

    @Test
    void aLateOrRepeatedGrantChangesNothing() {
        String account = UUID.randomUUID().toString();
        EmployerEvents.publish("grant-" + account, new HrRightGranted(EmployerEvents.PODOLSK, account, 5,
                Instant.now()));
        EmployerEvents.publish(UUID.randomUUID().toString(), new HrRightRevoked(EmployerEvents.PODOLSK, account, 6,
                Instant.now()));
        awaitApplied(7);
        assertThat(employers.holdsHrRight(EmployerEvents.PODOLSK, account)).isFalse();

        // The grant again: redelivered under its id, and a copy under a new id; both older than the revocation.
        EmployerEvents.publish("grant-" + account, new HrRightGranted(EmployerEvents.PODOLSK, account, 5,
                Instant.now()));
        EmployerEvents.publish(UUID.randomUUID().toString(), new HrRightGranted(EmployerEvents.PODOLSK, account, 5,
                Instant.now()));
        awaitApplied(8);
        assertThat(employers.holdsHrRight(EmployerEvents.PODOLSK, account)).isFalse();
    }

    /** Sends a grant to a fresh account after what the test sent (same organisation: same partition, in order). */
    private void awaitApplied(long version) {
        String marker = UUID.randomUUID().toString();
        EmployerEvents.publish(UUID.randomUUID().toString(), new HrRightGranted(EmployerEvents.PODOLSK, marker,
                version, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> employers.holdsHrRight(EmployerEvents.PODOLSK, marker));
    }

    private static JsonNode member(JsonNode list, String accountId) {
        for (JsonNode m : list) {
            if (m.path("accountId").asText().equals(accountId)) {
                return m;
            }
        }
        throw new AssertionError("no member " + accountId + " in " + list);
    }

    private static JWTClaimsSet claims(LoggedIn login) throws Exception {
        return SignedJWT.parse(login.accessToken()).getJWTClaimsSet();
    }
}
