package ru.frmr.employer.query;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One employment record's current terms. */
public record EmploymentSummary(String employmentId, String organizationId, String workerId, String positionCode,
                                String department, BigDecimal rate, String contractKind, String contractNumber,
                                LocalDate contractDate, LocalDate startDate, LocalDate endDate) {
}
