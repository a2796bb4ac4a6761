package ru.frmr.contracts.employer;

import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a medical organisation did not answer a worker's discrepancy by its due date (3 working days by the
 * production calendar); the discrepancy is escalated to supervisors. Published once per discrepancy.
 */
public record EmployerResponseOverdue(String discrepancyId, String organizationId, String workerId,
                                      String employmentId, LocalDate dueDate, Instant overdueAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return discrepancyId;
    }
}
