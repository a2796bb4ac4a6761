package ru.frmr.registry.api;

import java.time.LocalDate;

/**
 * Professional education.
 *
 * @param documentKind   code from the document kinds dictionary (e.g. {@code DIPLOMA})
 * @param specialtyCode  code from the specialties dictionary (e.g. {@code 31.05.01})
 * @param levelCode      code from the education levels dictionary
 */
public record EducationEntry(String institution, String documentKind, String diplomaSeries, String diplomaNumber,
                             LocalDate diplomaDate, String specialtyCode, String qualification, String levelCode)
        implements RecordEntry {

    @Override
    public RecordSection section() {
        return RecordSection.EDUCATION;
    }
}
