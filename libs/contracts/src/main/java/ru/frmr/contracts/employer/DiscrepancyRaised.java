package ru.frmr.contracts.employer;

import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a worker disputed a field of an employment record. Ids and the field's code only: what the worker
 * says is recorded and right stays in the employer-service.
 *
 * @param field       POSITION, DEPARTMENT, RATE, CONTRACT_KIND, CONTRACT_NUMBER, CONTRACT_DATE, START_DATE, END_DATE
 * @param provisional the due date reaches past the days the production calendar knows
 */
public record DiscrepancyRaised(String discrepancyId, String organizationId, String workerId, String employmentId,
                                String field, LocalDate dueDate, boolean provisional, Instant raisedAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return discrepancyId;
    }
}
