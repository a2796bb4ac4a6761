package ru.frmr.registry.api;

import java.time.LocalDate;

/**
 * A completed postgraduate programme: интернатура (older diplomas), ординатура or аспирантура. The record
 * keeps completed programmes only, each with the document that certifies its completion.
 *
 * @param programKind   code from the postgraduate programmes dictionary (e.g. {@code RESIDENCY})
 * @param specialtyCode code from the specialties dictionary; required where the programme trains for a
 *                      specialty (ординатура, интернатура), optional for аспирантура
 * @param documentDate  the date of the diploma (удостоверение for older programmes), on or after {@code endDate}
 */
public record PostgraduateEducationEntry(String programKind, String institution, String specialtyCode,
                                         LocalDate startDate, LocalDate endDate, String documentSeries,
                                         String documentNumber, LocalDate documentDate, String qualification)
        implements RecordEntry {

    @Override
    public RecordSection section() {
        return RecordSection.POSTGRADUATE_EDUCATION;
    }
}
