package ru.frmr.employer.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An employment's current terms and its history, one document per employment.
 *
 * @param status  ACTIVE or DISMISSED
 * @param version the version of the latest event applied; events at or below it are not applied again
 */
@Document(EmploymentView.COLLECTION)
public record EmploymentView(@Id String employmentId, String organizationId, String workerId, String positionCode,
                             String department, BigDecimal rate, String contractKind, String contractNumber,
                             LocalDate contractDate, LocalDate startDate, LocalDate endDate, String dismissalReason,
                             String status, long version, List<HistoryEntry> history) {

    static final String COLLECTION = "employments";
    public static final String ACTIVE = "ACTIVE";
    public static final String DISMISSED = "DISMISSED";

    /**
     * One version of the employment.
     *
     * @param kind HIRE, TRANSFER, POSITION_CHANGE, RATE_CHANGE, CORRECTION or DISMISSAL
     */
    public record HistoryEntry(long version, String kind, LocalDate effectiveDate, Instant at, String positionCode,
                               String department, BigDecimal rate, String contractKind, LocalDate endDate,
                               String reasonCode) {
    }
}
