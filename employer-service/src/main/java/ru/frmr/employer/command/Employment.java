package ru.frmr.employer.command;

import java.time.LocalDate;

import ru.frmr.employer.api.EmploymentTerms;

/**
 * One employment inside a membership, as far as the rules need it. Immutable, so the test fixture can compare the
 * state a command left with the state its events rebuild.
 *
 * @param lastEffectiveDate the latest date from which the terms changed: a later change or the end may not go
 *                          before it
 * @param endDate           the last working day, or null while active
 */
record Employment(EmploymentTerms terms, long version, LocalDate lastEffectiveDate, LocalDate endDate) {

    static Employment hired(EmploymentTerms terms) {
        return new Employment(terms, 1, terms.startDate(), null);
    }

    Employment changed(EmploymentTerms newTerms, LocalDate effectiveDate, long newVersion) {
        return new Employment(newTerms, newVersion,
                effectiveDate.isAfter(lastEffectiveDate) ? effectiveDate : lastEffectiveDate, null);
    }

    Employment ended(LocalDate date, long newVersion) {
        return new Employment(terms, newVersion, lastEffectiveDate, date);
    }

    boolean active() {
        return endDate == null;
    }

    /** Holds this position under this kind of contract, and has not ended. */
    boolean occupies(String positionCode, String contractKind) {
        return active() && terms.positionCode().equals(positionCode) && terms.contractKind().equals(contractKind);
    }
}
