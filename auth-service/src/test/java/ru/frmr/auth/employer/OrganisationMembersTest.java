package ru.frmr.auth.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.MutableClock;
import ru.frmr.auth.TestMongo;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.OrganisationRole;
import ru.frmr.auth.privacy.FakePersonalDataCipher;
import ru.frmr.auth.privacy.TestVaults;

/** The organisations, grants and members auth-service keeps, against the Mongo wire server. */
class OrganisationMembersTest {

    private static final String POLYCLINIC_OGRN = "1027700543210";
    private static final String HOSPITAL_OGRN = "1025035520146";
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");

    private final TestMongo server = new TestMongo();
    private final FakePersonalDataCipher cipher = new FakePersonalDataCipher();
    private final MutableClock clock = new MutableClock(T0);
    private EmployerOrganizations organizations;
    private OrganisationMembers members;

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = server.template("members_test");
        organizations = new EmployerOrganizations(mongo);
        members = new OrganisationMembers(mongo, organizations, TestVaults.vault(cipher), clock);
        organizations.organizationCard("gp-1", POLYCLINIC_OGRN, "Поликлиника", 1, T0);
        organizations.organizationCard("podolsk", HOSPITAL_OGRN, "Больница", 1, T0);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static IdentifiedPerson person(String lastName, OrganisationRole... roles) {
        return new IdentifiedPerson("oid-" + lastName, lastName, "Анна", "Викторовна", LocalDate.of(1982, 7, 21), "F",
                "00000060006", null, null, true, List.of(roles));
    }

    private static OrganisationRole role(String ogrn, boolean chief, boolean active) {
        return new OrganisationRole("500000" + ogrn.charAt(4), "Организация", ogrn, chief, false, active);
    }

    @Test
    void aLoginRecordsTheActiveMembershipsInKnownMedicalOrganisationsOnly() {
        members.recordLogin("acc-1", person("Сидорова", role(POLYCLINIC_OGRN, true, true),
                role(HOSPITAL_OGRN, false, false), role("1157746123457", true, true)), "subject-1");

        assertThat(members.of("gp-1")).containsExactly(new OrganisationMembers.MemberView("acc-1",
                "Сидорова Анна Викторовна", true, false, false, T0));
        assertThat(members.of("podolsk")).as("inactive there").isEmpty();
    }

    @Test
    void theNextLoginReplacesThePersonsMembershipsAndTheListShowsGrants() {
        members.recordLogin("acc-1", person("Петрова", role(POLYCLINIC_OGRN, false, true)), "subject-1");
        clock.advance(Duration.ofDays(1));
        members.recordLogin("acc-1", person("Петрова", role(HOSPITAL_OGRN, false, true)), "subject-1");
        organizations.hrRight("podolsk", "acc-1", true, 1, T0);

        assertThat(members.of("gp-1")).as("she left the polyclinic").isEmpty();
        assertThat(members.of("podolsk")).singleElement().satisfies(m -> {
            assertThat(m.hrRight()).isTrue();
            assertThat(m.lastSeenAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        });
    }

    @Test
    void anErasedPersonsNameCannotBeReadAnyMore() {
        members.recordLogin("acc-1", person("Сидорова", role(POLYCLINIC_OGRN, true, true)), "subject-1");
        cipher.shred("subject-1");

        assertThat(members.of("gp-1")).singleElement().satisfies(m -> {
            assertThat(m.accountId()).isEqualTo("acc-1");
            assertThat(m.fullName()).isNull();
        });
    }

    @Test
    void onlyANewerCardOrRightReplacesWhatIsHeld() {
        organizations.organizationCard("gp-1", "1027739609391", "Поликлиника", 3, T0);
        organizations.organizationCard("gp-1", POLYCLINIC_OGRN, "Поликлиника", 2, T0);
        assertThat(organizations.organizationWithOgrn(POLYCLINIC_OGRN)).isEmpty();
        assertThat(organizations.organizationWithOgrn("1027739609391")).contains("gp-1");

        organizations.hrRight("gp-1", "acc-2", false, 4, T0);
        organizations.hrRight("gp-1", "acc-2", true, 3, T0);
        assertThat(organizations.holdsHrRight("gp-1", "acc-2")).isFalse();
        organizations.hrRight("gp-1", "acc-2", true, 5, T0);
        assertThat(organizations.holdsHrRight("gp-1", "acc-2")).isTrue();
        assertThat(organizations.hrAccounts("gp-1")).containsExactly("acc-2");
    }
}
