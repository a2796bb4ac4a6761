package ru.frmr.portal.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.portal.api.ApiProblem;

class EmployerFormsTest {

    @Test
    void datesAreReadAsADateFieldSendsThemOrAsPeopleTypeThem() {
        assertThat(EmployerForms.date("2026-02-19")).contains(LocalDate.of(2026, 2, 19));
        assertThat(EmployerForms.date(" 19.02.2026 ")).contains(LocalDate.of(2026, 2, 19));
        assertThat(EmployerForms.date("31.02.2026")).isEmpty();
        assertThat(EmployerForms.date("вчера")).isEmpty();
        assertThat(EmployerForms.date("")).isEmpty();
    }

    @Test
    void theApisFieldErrorsGoBesideTheFormsFieldsAndTheRestAboveTheForm() {
        ApiProblem refused = new ApiProblem(422, "validation", "Invalid request",
                Map.of("terms.rate", "must be a multiple of 0.25", "version", "is stale"), null);

        Map<String, String> errors = EmployerForms.toFields(refused, Map.of("rate", "hire-rate"), "Не принято.");

        assertThat(errors).containsEntry("hire-rate", "Ставка — от 0,25 до 1,5 с шагом 0,25.")
                .containsEntry(EmployerForms.GENERAL, "Не принято.").hasSize(2);
    }

    @Test
    void aProblemNamingNoFieldSaysItsRussianDetailOrTheFormsGeneralMessage() {
        assertThat(EmployerForms.toFields(new ApiProblem(409, "conflict", "Связь уже есть", Map.of(), null),
                Map.of(), "Общее")).containsExactly(Map.entry(EmployerForms.GENERAL, "Связь уже есть"));
        assertThat(EmployerForms.toFields(new ApiProblem(409, "conflict", "Already linked", Map.of(), null),
                Map.of(), "Общее")).containsExactly(Map.entry(EmployerForms.GENERAL, "Общее"));
    }

    @Test
    void messagesInEnglishBecomeRussianAndRussianOnesStay() {
        assertThat(EmployerForms.message("contractNumber", "must not be blank", 400)).isEqualTo("Заполните это поле.");
        assertThat(EmployerForms.message("ogrn", "checksum does not match", 422))
                .isEqualTo("Контрольное число не сходится: проверьте цифры.");
        assertThat(EmployerForms.message("positionCode", "is not a known position", 422))
                .isEqualTo("Выберите значение из списка.");
        assertThat(EmployerForms.message("positionCode", "an active employment exists", 409))
                .contains("уже есть действующее трудоустройство");
        assertThat(EmployerForms.message("endDate", "already dismissed", 409)).isEqualTo("Сотрудник уже уволен.");
        assertThat(EmployerForms.message("ogrn", "exists", 409)).contains("уже есть");
        assertThat(EmployerForms.message("department", "Подразделение слишком длинное", 422))
                .isEqualTo("Подразделение слишком длинное");
        assertThat(EmployerForms.message("department", "must be at most 200 characters", 422))
                .isEqualTo("Слишком длинное значение.");
    }

    @Test
    void anHrOfficerActsOnlyForTheOrganisationOfTheirToken() {
        var hr = new ru.frmr.portal.login.SignedIn("h", "a", "s", null, java.util.Set.of("EMPLOYER_HR"), null,
                "gp1-moscow", "GRANTED");
        var worker = new ru.frmr.portal.login.SignedIn("h", "a", "s", null, java.util.Set.of("WORKER"), "w",
                "gp1-moscow", null);
        var odd = new ru.frmr.portal.login.SignedIn("h", "a", "s", null, java.util.Set.of("EMPLOYER_HR"), null,
                "../other", null);

        assertThat(EmployerForms.organization(hr)).isEqualTo("gp1-moscow");
        for (var refused : new ru.frmr.portal.login.SignedIn[] {worker, odd}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmployerForms.organization(refused))
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(403));
        }
        assertThat(hr.chief()).isFalse();
    }
}
