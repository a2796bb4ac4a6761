package ru.frmr.esia.emulator.person;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The fixture of docs/identity.md: who can sign in to the emulator, and what ESIA knows about them. */
public final class TestPeople {

    /** Everyone's password. */
    public static final String PASSWORD = "Passw0rd!";
    /** Everyone's one-time code: the emulator's stand-in for ESIA's SMS. */
    public static final String ONE_TIME_CODE = "123456";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String MOSCOW_POLICE = "ГУ МВД России по г. Москве";
    /** Medical organisations: the employer-service's fixture has them under these ОГРН. */
    private static final String POLYCLINIC = "ГБУЗ «Городская поликлиника № 1»";
    private static final String POLYCLINIC_OGRN = "1027700543210";
    private static final String PODOLSK = "ГБУЗ МО «Подольская городская клиническая больница»";
    private static final String PODOLSK_OGRN = "1025035520146";

    public static final List<Person> ALL = List.of(
            person(1, "ivanova", "Иванова Мария Петровна", "12.04.1985", Gender.F, 1000299654L, "112-233-445 95",
                    "770112345695", new Passport("4505", "612345", date("20.04.2005"), "770-001", MOSCOW_POLICE)),
            person(2, "petrov", "Петров Пётр Сергеевич", "03.02.1979", Gender.M, 1000299655L, "123-456-789 64",
                    "770223456707", new Passport("4524", "723456", date("10.02.2024"), "770-002", MOSCOW_POLICE),
                    new OrganisationRole(5000001L, POLYCLINIC, POLYCLINIC_OGRN, false, false, true)),
            person(3, "sidorova.hr", "Сидорова Анна Викторовна", "21.07.1982", Gender.F, 1000299656L,
                    "000-000-600 06", "770334567804",
                    new Passport("4502", "834567", date("01.08.2002"), "770-003", MOSCOW_POLICE),
                    new OrganisationRole(5000001L, POLYCLINIC, POLYCLINIC_OGRN, true, false, true)),
            person(4, "kuznetsov.admin", "Кузнецов Игорь Олегович", "10.10.1975", Gender.M, 1000299657L,
                    "111-111-111 45", "770445678919",
                    new Passport("4520", "945678", date("20.10.2020"), "770-004", MOSCOW_POLICE)),
            person(5, "orlova.rzn", "Орлова Елена Дмитриевна", "05.05.1980", Gender.F, 1000299658L, "222-222-222 90",
                    "770556789004", new Passport("4525", "156789", date("15.05.2025"), "770-005", MOSCOW_POLICE)),
            person(6, "smirnov.audit", "Смирнов Олег Павлович", "01.01.1970", Gender.M, 1000299659L,
                    "333-333-333 34", "770667890169",
                    new Passport("4515", "267890", date("15.01.2015"), "770-006", MOSCOW_POLICE)),
            person(7, "volkova.hr", "Волкова Татьяна Игоревна", "14.03.1978", Gender.F, 1000299660L,
                    "444-444-444 79", "503689012371",
                    new Passport("4623", "378901", date("20.03.2023"), "500-045", "ГУ МВД России по Московской области"),
                    new OrganisationRole(5000002L, PODOLSK, PODOLSK_OGRN, false, true, true)),
            person(8, "belov", "Белов Андрей Николаевич", "22.09.1990", Gender.M, 1000299661L, "555-555-555 23",
                    "770890123462", new Passport("4510", "489012", date("01.10.2010"), "770-008", MOSCOW_POLICE),
                    new OrganisationRole(5000003L, "ООО «Ромашка»", "1157746123457", false, false, true)),
            person(9, "sergeeva.support", "Сергеева Анна Викторовна", "17.08.1988", Gender.F, 1000299662L,
                    "666-666-666 68", "770901234505",
                    new Passport("4519", "590123", date("25.06.2019"), "770-009", MOSCOW_POLICE)));

    private TestPeople() {
    }

    public static Optional<Person> byLogin(String login) {
        return ALL.stream().filter(p -> p.login().equals(login)).findFirst();
    }

    public static Optional<Person> byOid(long oid) {
        return ALL.stream().filter(p -> p.oid() == oid).findFirst();
    }

    /** @param row the person's row in docs/identity.md, which numbers the mobile phone */
    private static Person person(int row, String login, String fullName, String birthDate, Gender gender, long oid,
                                 String snils, String inn, Passport passport, OrganisationRole... roles) {
        String[] name = fullName.split(" ");
        return new Person(oid, login, name[0], name[1], name[2], date(birthDate), gender, snils, inn,
                login + "@frmr.test", "+7999000000" + row, passport, List.of(roles));
    }

    private static LocalDate date(String ddMMyyyy) {
        return LocalDate.parse(ddMMyyyy, DATE);
    }
}
