package ru.frmr.registry.api;

import java.time.LocalDate;

/** A specialist certificate, valid from the exam date to {@code endDate}. */
public record CertificateEntry(String series, String number, LocalDate examDate, LocalDate endDate,
                               String specialtyCode) implements RecordEntry {

    @Override
    public RecordSection section() {
        return RecordSection.CERTIFICATES;
    }
}
