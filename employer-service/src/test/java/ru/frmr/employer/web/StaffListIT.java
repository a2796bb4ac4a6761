package ru.frmr.employer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.employer.EmployerClient.employments;
import static ru.frmr.employer.EmployerClient.expect;
import static ru.frmr.employer.EmployerClient.hr;
import static ru.frmr.employer.TestOrganizations.ORG_B;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * The staff list of one organisation: pages, filters by department, position and status, and the CSV export, over
 * four employments, one of them ended. Names come from the registry's {@code WorkerRegistered}.
 */
class StaffListIT extends StaffApiSupport {

    private static final String STAFF = "/api/employer/organizations/" + ORG_B + "/staff";
    private static boolean staffed;
    private static String surgeon;
    private static String nurse;

    @BeforeEach
    void staffTheOrganisationOnce() {
        if (staffed) {
            return;
        }
        surgeon = staff("Андреева", "Анна", "SURGEON", "Хирургия", "1", "MAIN", "2026-01-10");
        staff("Борисов", "Борис", "THERAPIST", "Терапия", "0.5", "MAIN", "2026-01-20");
        nurse = staff("Васильева", "Вера", "NURSE", "Хирургия", "1", "MAIN", "2026-02-01");
        staff("Григорьева", "Галина", "NURSE", "=Приёмное", "0.25", "INTERNAL_PART_TIME", "2026-02-15");
        expect(employer.post(hr(ORG_B), employments(ORG_B, nurse) + "/" + employmentOf(nurse) + "/dismissal",
                "{\"endDate\":\"2026-02-27\",\"reasonCode\":\"TK77-1-3\"}"), 200);
        employer.await(hr(ORG_B), STAFF + "?status=DISMISSED", body -> body.get("total").asInt() == 1);
        employer.await(hr(ORG_B), STAFF, body -> body.get("total").asInt() == 4
                && body.get("items").findValuesAsText("workerName").size() == 4);
        staffed = true;
    }

    private String staff(String lastName, String firstName, String position, String department, String rate,
                         String kind, String start) {
        String workerId = registered(UUID.randomUUID().toString(), lastName, firstName, "Викторовна");
        employer.link(ORG_B, workerId);
        employer.hire(ORG_B, workerId, position, department, rate, kind, start);
        return workerId;
    }

    private String employmentOf(String workerId) {
        return employer.await(hr(ORG_B), employments(ORG_B, workerId), body -> body.size() == 1).get(0)
                .get("employmentId").asText();
    }

    @Test
    void pagesGoNewestHireFirst() {
        JsonNode first = expect(employer.get(hr(ORG_B), STAFF + "?size=3"), 200);
        JsonNode second = expect(employer.get(hr(ORG_B), STAFF + "?size=3&page=1"), 200);

        assertThat(first.get("total").asInt()).isEqualTo(4);
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("items").findValuesAsText("startDate"))
                .containsExactly("2026-02-15", "2026-02-01", "2026-01-20");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").findValuesAsText("workerName")).containsExactly("Андреева Анна Викторовна");
        assertThat(second.at("/items/0/workerId").asText()).isEqualTo(surgeon);
        assertThat(second.at("/items/0/positionName").asText()).isEqualTo("Врач-хирург");
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(names(STAFF + "?department=%D0%A5%D0%B8%D1%80%D1%83%D1%80%D0%B3%D0%B8%D1%8F"))
                .containsExactlyInAnyOrder("Андреева Анна Викторовна", "Васильева Вера Викторовна");
        assertThat(names(STAFF + "?positionCode=NURSE"))
                .containsExactlyInAnyOrder("Васильева Вера Викторовна", "Григорьева Галина Викторовна");
        assertThat(names(STAFF + "?status=DISMISSED")).containsExactly("Васильева Вера Викторовна");
        assertThat(names(STAFF + "?status=ACTIVE&positionCode=NURSE")).containsExactly("Григорьева Галина Викторовна");
        JsonNode dismissed = expect(employer.get(hr(ORG_B), STAFF + "?status=DISMISSED"), 200);
        assertThat(dismissed.at("/items/0/endDate").asText()).isEqualTo("2026-02-27");
        assertThat(dismissed.at("/items/0/workerId").asText()).isEqualTo(nurse);
    }

    @Test
    void anotherOrganisationsStaffIsNotInTheList() {
        JsonNode otherOrg = expect(employer.get(hr("org-a"), "/api/employer/organizations/org-a/staff?size=100"),
                200);
        assertThat(otherOrg.get("items").findValuesAsText("workerId")).doesNotContain(surgeon, nurse);
    }

    @Test
    void theCsvIsForExcelWithARussianHeaderAndDates() {
        HttpResponse<byte[]> response = employer.getBytes(hr(ORG_B), STAFF + ".csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/csv;charset=UTF-8"));
        byte[] body = response.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo(
                "ФИО;Должность;Подразделение;Ставка;Вид договора;Дата приёма;Дата увольнения;Статус");
        assertThat(lines).contains("Васильева Вера Викторовна;Медицинская сестра;Хирургия;1,00;"
                + "Основное место работы;01.02.2026;27.02.2026;Уволен");
        assertThat(lines).contains("Борисов Борис Викторовна;Врач-терапевт;Терапия;0,50;Основное место работы;"
                + "20.01.2026;;Работает");
        // A department that reads as a formula to a spreadsheet is written as text.
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Григорьева Галина Викторовна;"
                + "Медицинская сестра;'=Приёмное;0,25;Внутреннее совместительство;15.02.2026;;Работает"));
    }

    @Test
    void theCsvTakesTheSameFilters() {
        HttpResponse<byte[]> response = employer.getBytes(hr(ORG_B), STAFF + ".csv?status=ACTIVE");
        List<String> lines = new String(response.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).noneMatch(line -> line.contains("Уволен"));
    }

    private List<String> names(String path) {
        return expect(employer.get(hr(ORG_B), path), 200).get("items").findValuesAsText("workerName");
    }
}
