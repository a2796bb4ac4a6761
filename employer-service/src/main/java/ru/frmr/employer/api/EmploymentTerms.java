package ru.frmr.employer.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The terms of one employment as they read at a version.
 *
 * @param positionCode code from the shared positions list ({@code CodeList.POSITIONS})
 * @param department   the department's name, or null
 * @param rate         0.25 to 1.5 in steps of 0.25, kept with scale 2
 * @param contractKind code from the shared contract kinds list ({@code MAIN}, {@code INTERNAL_PART_TIME}, …)
 */
public record EmploymentTerms(String positionCode, String department, BigDecimal rate, String contractKind,
                              String contractNumber, LocalDate contractDate, LocalDate startDate) {

    public EmploymentTerms withChange(String newPosition, String newDepartment, BigDecimal newRate, String newKind) {
        return new EmploymentTerms(newPosition, newDepartment, newRate, newKind, contractNumber, contractDate,
                startDate);
    }
}
