package ru.frmr.registry.api;

import java.time.LocalDate;

/** A qualification category held in one specialty from {@code startDate} to {@code endDate}. */
public record QualificationCategoryEntry(QualificationCategory category, String specialtyCode, LocalDate startDate,
                                         LocalDate endDate) implements RecordEntry {

    @Override
    public RecordSection section() {
        return RecordSection.QUALIFICATION_CATEGORIES;
    }
}
