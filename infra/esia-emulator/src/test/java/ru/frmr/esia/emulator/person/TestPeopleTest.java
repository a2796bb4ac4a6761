package ru.frmr.esia.emulator.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The fixture must match the table in docs/identity.md, which auth-service's tests rely on too. */
class TestPeopleTest {

    @Test
    void thePeopleOfTheIdentityDecisions() {
        assertThat(TestPeople.ALL)
                .extracting(Person::login, Person::lastName, Person::firstName, Person::middleName,
                        Person::birthDate, Person::gender, Person::oid, Person::snils)
                .containsExactly(
                        tuple("ivanova", "Иванова", "Мария", "Петровна", LocalDate.of(1985, 4, 12), Gender.F,
                                1000299654L, "112-233-445 95"),
                        tuple("petrov", "Петров", "Пётр", "Сергеевич", LocalDate.of(1979, 2, 3), Gender.M,
                                1000299655L, "123-456-789 64"),
                        tuple("sidorova.hr", "Сидорова", "Анна", "Викторовна", LocalDate.of(1982, 7, 21), Gender.F,
                                1000299656L, "000-000-600 06"),
                        tuple("kuznetsov.admin", "Кузнецов", "Игорь", "Олегович", LocalDate.of(1975, 10, 10),
                                Gender.M, 1000299657L, "111-111-111 45"),
                        tuple("orlova.rzn", "Орлова", "Елена", "Дмитриевна", LocalDate.of(1980, 5, 5), Gender.F,
                                1000299658L, "222-222-222 90"),
                        tuple("smirnov.audit", "Смирнов", "Олег", "Павлович", LocalDate.of(1970, 1, 1), Gender.M,
                                1000299659L, "333-333-333 34"),
                        tuple("volkova.hr", "Волкова", "Татьяна", "Игоревна", LocalDate.of(1978, 3, 14), Gender.F,
                                1000299660L, "444-444-444 79"),
                        tuple("belov", "Белов", "Андрей", "Николаевич", LocalDate.of(1990, 9, 22), Gender.M,
                                1000299661L, "555-555-555 23"),
                        tuple("sergeeva.support", "Сергеева", "Анна", "Викторовна", LocalDate.of(1988, 8, 17),
                                Gender.F, 1000299662L, "666-666-666 68"));
    }

    @Test
    void everyoneHasAVerifiedEmailAndTheMobileOfTheirRow() {
        for (int row = 1; row <= TestPeople.ALL.size(); row++) {
            Person person = TestPeople.ALL.get(row - 1);
            assertThat(person.email()).isEqualTo(person.login() + "@frmr.test");
            assertThat(person.mobile()).isEqualTo("+7999000000" + row);
        }
    }

    @Test
    void theOrganisationRolesOfTheEmployerDecisions() {
        OrganisationRole polyclinicChief = new OrganisationRole(5000001L, "ГБУЗ «Городская поликлиника № 1»",
                "1027700543210", true, false, true);
        assertThat(TestPeople.byLogin("sidorova.hr").orElseThrow().roles()).containsExactly(polyclinicChief);
        assertThat(TestPeople.byLogin("petrov").orElseThrow().roles()).containsExactly(new OrganisationRole(
                5000001L, "ГБУЗ «Городская поликлиника № 1»", "1027700543210", false, false, true));
        assertThat(TestPeople.byLogin("volkova.hr").orElseThrow().roles()).containsExactly(new OrganisationRole(
                5000002L, "ГБУЗ МО «Подольская городская клиническая больница»", "1025035520146", false, true, true));
        assertThat(TestPeople.byLogin("belov").orElseThrow().roles()).containsExactly(new OrganisationRole(
                5000003L, "ООО «Ромашка»", "1157746123457", false, false, true));
        assertThat(TestPeople.ALL).filteredOn(p -> !List.of("sidorova.hr", "petrov", "volkova.hr", "belov")
                .contains(p.login())).allSatisfy(p -> assertThat(p.roles()).isEmpty());
    }

    @Test
    void everyOrganisationsOgrnHasAValidCheckDigit() {
        assertThat(TestPeople.ALL).flatExtracting(Person::roles).allSatisfy(role -> {
            assertThat(role.ogrn()).matches("[15]\\d{12}");
            assertThat(Long.parseLong(role.ogrn().substring(0, 12)) % 11 % 10)
                    .isEqualTo(role.ogrn().charAt(12) - '0');
        });
    }

    @Test
    void snilsChecksumsHoldWhereTheRuleApplies() {
        assertThat(TestPeople.ALL).allSatisfy(p -> assertThat(snilsIsValid(p.snils())).as(p.snils()).isTrue());
    }

    @Test
    void innsArePersonalTwelveDigitWithValidCheckDigits() {
        assertThat(TestPeople.ALL).allSatisfy(p -> assertThat(personalInnIsValid(p.inn())).as(p.inn()).isTrue());
        assertThat(TestPeople.ALL).extracting(Person::inn).doesNotHaveDuplicates();
    }

    @Test
    void everyoneHasADistinctPassportIssuedAfterTheir14thBirthday() {
        assertThat(TestPeople.ALL).allSatisfy(p -> {
            assertThat(p.passport().series()).matches("\\d{4}");
            assertThat(p.passport().number()).matches("\\d{6}");
            assertThat(p.passport().issueDate()).isAfter(p.birthDate().plusYears(14));
        });
        assertThat(TestPeople.ALL).extracting(p -> p.passport().series() + p.passport().number())
                .doesNotHaveDuplicates();
    }

    @Test
    void findsByLoginAndOid() {
        assertThat(TestPeople.byLogin("petrov")).map(Person::oid).contains(1000299655L);
        assertThat(TestPeople.byOid(1000299659L)).map(Person::login).contains("smirnov.audit");
        assertThat(TestPeople.byLogin("nobody")).isEmpty();
    }

    /** Numbers up to 001-001-998 were issued before check digits existed. */
    private static boolean snilsIsValid(String snils) {
        String digits = snils.replaceAll("\\D", "");
        long number = Long.parseLong(digits.substring(0, 9));
        if (number <= 1_001_998L) {
            return true;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum % 101 % 100;
        return check == Integer.parseInt(digits.substring(9));
    }

    private static boolean personalInnIsValid(String inn) {
        if (!inn.matches("\\d{12}")) {
            return false;
        }
        int[] d = inn.chars().map(c -> c - '0').toArray();
        int[] w11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        int[] w12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
        return d[10] == weighted(d, w11) && d[11] == weighted(d, w12);
    }

    private static int weighted(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11 % 10;
    }
}
