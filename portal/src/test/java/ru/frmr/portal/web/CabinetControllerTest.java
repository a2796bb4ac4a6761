package ru.frmr.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the cabinet's home picks from the record's sections: the licences to renew and the latest decisions. */
class CabinetControllerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void perSpecialtyOnlyTheLicenceEndingLastCountsAndOnlyWithinNinetyDaysEitherSide() throws Exception {
        JsonNode sections = json.readTree("""
                {"CERTIFICATES":[
                  %s, %s, %s],
                 "ACCREDITATION":[
                  %s, %s, %s]}""".formatted(
                licence("CERTIFICATES", "APPROVED", "31.08.49", -400),
                licence("CERTIFICATES", "APPROVED", "31.08.36", 0),
                licence("CERTIFICATES", "APPROVED", "31.08.42", -90),
                licence("ACCREDITATION", "APPROVED", "31.08.49", 91),
                licence("ACCREDITATION", "PENDING", "31.08.01", 3),
                licence("ACCREDITATION", "APPROVED", "31.08.02", -91)));

        assertThat(CabinetController.expiring(sections))
                .extracting(CabinetController.Expiring::specialtyCode, CabinetController.Expiring::days)
                .containsExactly(tuple("31.08.42", -90L),
                        tuple("31.08.36", 0L));
    }

    @Test
    void theLatestDecisionsComeNewestFirstWithTheReasonOfARejection() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int day = 1; day <= 7; day++) {
            items.append(day == 1 ? "" : ",").append("""
                    {"status":"%s","entry":{"section":"EDUCATION"},"changeKind":"ADD",
                     "decidedAt":"2026-12-0%dT10:00:00Z","reason":%s}""".formatted(day % 2 == 0 ? "REJECTED"
                    : "APPROVED", day, day % 2 == 0 ? "\"Скан нечитаем " + day + "\"" : "null"));
        }
        JsonNode sections = json.readTree("{\"EDUCATION\":[" + items + ",{\"status\":\"PENDING\","
                + "\"entry\":{\"section\":\"EDUCATION\"},\"decidedAt\":null}]}");

        var decisions = CabinetController.decisions(sections);

        assertThat(decisions).hasSize(CabinetController.DECISIONS_SHOWN);
        assertThat(decisions.get(0).decidedAt()).startsWith("2026-12-07");
        assertThat(decisions.get(1).approved()).isFalse();
        assertThat(decisions.get(1).reason()).isEqualTo("Скан нечитаем 6");
        assertThat(decisions.get(1).subject()).isEqualTo("Образование: добавление");
    }

    @Test
    void countsTakeTheirRussianWordForm() {
        assertThat(CabinetController.plural(1, "изменение", "изменения", "изменений")).isEqualTo("изменение");
        assertThat(CabinetController.plural(3, "изменение", "изменения", "изменений")).isEqualTo("изменения");
        assertThat(CabinetController.plural(5, "изменение", "изменения", "изменений")).isEqualTo("изменений");
        assertThat(CabinetController.plural(11, "изменение", "изменения", "изменений")).isEqualTo("изменений");
        assertThat(CabinetController.plural(21, "изменение", "изменения", "изменений")).isEqualTo("изменение");
    }

    private static String licence(String section, String status, String specialty, long days) {
        return """
                {"status":"%s","entry":{"section":"%s","specialtyCode":"%s"},"endDate":"2027-01-01",
                 "expiresInDays":%d}""".formatted(status, section, specialty, days);
    }
}
