package ru.frmr.contracts.employer;

import java.time.Instant;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: the organisation's HR answered a discrepancy. The explanation stays in the employer-service.
 *
 * @param outcome CORRECTED or EXPLAINED
 * @param late    answered after the due date
 */
public record DiscrepancyAnswered(String discrepancyId, String organizationId, String workerId, String outcome,
                                  boolean late, Instant answeredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return discrepancyId;
    }
}
