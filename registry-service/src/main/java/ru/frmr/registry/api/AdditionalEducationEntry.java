package ru.frmr.registry.api;

import java.time.LocalDate;

/**
 * Additional professional education: a course of повышение квалификации or профессиональная переподготовка.
 *
 * @param hours         academic hours of the programme, as the document states them
 * @param specialtyCode code from the specialties dictionary; required for профессиональная переподготовка
 *                      (it qualifies for the specialty), optional for повышение квалификации
 * @param documentKind  code from the additional education documents dictionary, matching {@code kind}
 */
public record AdditionalEducationEntry(AdditionalEducationKind kind, String courseName, Integer hours,
                                       String institution, String specialtyCode, LocalDate startDate,
                                       LocalDate endDate, String documentKind, String documentSeries,
                                       String documentNumber, LocalDate documentDate) implements RecordEntry {

    @Override
    public RecordSection section() {
        return RecordSection.ADDITIONAL_EDUCATION;
    }
}
