package ru.frmr.employer.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An employment's current terms, for code outside the staff views (discrepancies check that an employment is the
 * worker's and the organisation's, and what it records).
 *
 * @param contractKind the contract kind's code ({@code MAIN}, {@code INTERNAL_PART_TIME}, {@code EXTERNAL_PART_TIME})
 * @param endDate      the last working day, or null while the employment is active
 */
public record EmploymentSummary(String employmentId, String organizationId, String workerId, String positionCode,
                                String department, BigDecimal rate, String contractKind, String contractNumber,
                                LocalDate contractDate, LocalDate startDate, LocalDate endDate) {
}
