package ru.frmr.auth.it;

/** The emulator's fixture people (docs/identity.md) that the tests log in as. */
enum TestPeople {
    IVANOVA("ivanova", "1000299654", "11223344595", "112-233-445 95", "770112345695"),
    PETROV("petrov", "1000299655", "12345678964", "123-456-789 64", "770223456707"),
    SIDOROVA_HR("sidorova.hr", "1000299656", "00000060006", "000-000-600 06", "770334567804"),
    KUZNETSOV_ADMIN("kuznetsov.admin", "1000299657", "11111111145", "111-111-111 45", "770445678919"),
    ORLOVA_SUPERVISOR("orlova.rzn", "1000299658", "22222222290", "222-222-222 90", "770556789004"),
    SMIRNOV_AUDITOR("smirnov.audit", "1000299659", "33333333334", "333-333-333 34", "770667890169"),
    /** Administrator (ESIA) of the Podolsk hospital, a medical organisation. */
    VOLKOVA_HR("volkova.hr", "1000299660", "44444444479", "444-444-444 79", "503689012371"),
    /** An ordinary employee of ООО «Ромашка», no medical organisation. */
    BELOV("belov", "1000299661", "55555555523", "555-555-555 23", "770890123462"),
    /** Answers support requests (SUPPORT, granted by oid). */
    SERGEEVA_SUPPORT("sergeeva.support", "1000299662", "66666666668", "666-666-666 68", "770901234505");

    final String login;
    final String oid;
    final String snils;
    final String snilsFormatted;
    final String inn;

    TestPeople(String login, String oid, String snils, String snilsFormatted, String inn) {
        this.login = login;
        this.oid = oid;
        this.snils = snils;
        this.snilsFormatted = snilsFormatted;
        this.inn = inn;
    }

    String email() {
        return login + "@frmr.test";
    }
}
