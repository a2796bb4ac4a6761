package ru.frmr.registry.api;

import java.time.LocalDate;

/**
 * An accreditation of a specialist by the protocol of the accreditation commission.
 *
 * @param endDate set by the record, never by the submitter: the law fixes it at five years after the protocol
 */
public record AccreditationEntry(AccreditationKind kind, String protocolNumber, LocalDate protocolDate,
                                 String specialtyCode, LocalDate endDate) implements RecordEntry {

    /** How long an accreditation is valid (Federal Law 323-FZ, art. 69 part 3). */
    public static final int VALID_YEARS = 5;

    /** This entry with its end date computed from the protocol date. */
    public AccreditationEntry withLawfulEndDate() {
        return new AccreditationEntry(kind, protocolNumber, protocolDate, specialtyCode,
                protocolDate == null ? null : protocolDate.plusYears(VALID_YEARS));
    }

    @Override
    public RecordSection section() {
        return RecordSection.ACCREDITATION;
    }
}
