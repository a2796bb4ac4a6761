package ru.frmr.portal.web.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The portal's own check of an entry, before anything goes to the registry, and the registry's errors in Russian. */
class EntrySectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final EntrySection.Codes ANY_CODE = (dictionary, code) -> !code.equals("UNKNOWN");

    @Test
    void aPostgraduateProgrammeEndsAfterItStartsAndItsDocumentComesAfterTheEnd() {
        Map<String, String> values = EntrySection.POSTGRADUATE_EDUCATION.read(Map.of(
                "programKind", "RESIDENCY", "institution", "МГМУ", "specialtyCode", "31.08.49",
                "startDate", "2020-09-01", "endDate", "2020-09-01", "documentNumber", "1",
                "documentDate", "31.08.2020"));

        Map<String, String> errors = EntrySection.POSTGRADUATE_EDUCATION.validate(values, TODAY, ANY_CODE);

        assertThat(errors).containsExactly(
                Map.entry("endDate", "Дата окончания должна быть позже даты начала."));
        values.put("endDate", "2022-08-31");
        assertThat(EntrySection.POSTGRADUATE_EDUCATION.validate(values, TODAY, ANY_CODE)).containsExactly(
                Map.entry("documentDate", "Документ не может быть выдан раньше окончания обучения."));
        values.put("documentDate", "2022-09-01");
        assertThat(EntrySection.POSTGRADUATE_EDUCATION.validate(values, TODAY, ANY_CODE)).isEmpty();
    }

    @Test
    void errorsComeInTheOrderOfTheFormWithRussianMessages() {
        Map<String, String> values = EntrySection.CERTIFICATES.read(Map.of("series", "x".repeat(31),
                "examDate", "31.02.2020", "endDate", "2030-01-01", "specialtyCode", "UNKNOWN"));

        Map<String, String> errors = EntrySection.CERTIFICATES.validate(values, TODAY, ANY_CODE);

        assertThat(errors).containsExactly(
                Map.entry("series", "Не более 30 символов."),
                Map.entry("number", "Укажите «Номер сертификата»."),
                Map.entry("examDate", "Введите дату в формате ДД.ММ.ГГГГ."),
                Map.entry("specialtyCode", "Выберите значение из списка."));
    }

    @Test
    void aRetrainingNeedsItsSpecialtyAndTwoHundredFiftyHours() {
        Map<String, String> form = new LinkedHashMap<>(Map.of("kind", "PROFESSIONAL_RETRAINING",
                "courseName", "Кардиология", "hours", "144", "institution", "РМАНПО", "startDate", "2024-01-10",
                "endDate", "2024-06-10", "documentKind", "RETRAINING_DIPLOMA", "documentNumber", "7",
                "documentDate", "2024-06-11"));

        Map<String, String> errors = EntrySection.ADDITIONAL_EDUCATION.validate(
                EntrySection.ADDITIONAL_EDUCATION.read(form), TODAY, ANY_CODE);

        assertThat(errors).containsOnlyKeys("hours", "specialtyCode");
        assertThat(errors.get("hours")).isEqualTo("Для этого вида программы — от 250 до 3000 академических часов.");
    }

    @Test
    void theEntrySentLeavesOutBlankOptionalFieldsAndTheAccreditationEndDate() {
        Map<String, String> values = EntrySection.ACCREDITATION.read(Map.of("kind", "PRIMARY",
                "protocolNumber", " 12 ", "protocolDate", "01.06.2024", "specialtyCode", "31.08.49",
                "endDate", "2099-01-01"));

        assertThat(EntrySection.ACCREDITATION.entry(values)).containsExactly(Map.entry("section", "ACCREDITATION"),
                Map.entry("kind", "PRIMARY"), Map.entry("protocolNumber", "12"),
                Map.entry("protocolDate", "2024-06-01"), Map.entry("specialtyCode", "31.08.49"));
    }

    @Test
    void theRegistrysErrorsLandOnTheFieldsOrInTheSummary() {
        Map<String, String> errors = RegistryErrors.toFields(new LinkedHashMap<>(Map.of(
                "entry.endDate", "must be after the exam date",
                "entryId", "already has a change awaiting moderation")), EntrySection.CERTIFICATES);

        assertThat(errors).containsEntry("endDate", "Дата окончания должна быть позже даты экзамена.")
                .containsEntry(RegistryErrors.GENERAL,
                        "По этой записи уже есть изменение на модерации. Дождитесь решения администратора.");
        assertThat(RegistryErrors.fieldMessage("must be at most 300 characters")).isEqualTo("Не более 300 символов.");
    }
}
