package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The organisation's HR answers a discrepancy.
 *
 * @param organizationId the organisation the HR acts for: a discrepancy of another one is not found
 * @param answeredBy     the HR's account id
 */
public record AnswerDiscrepancyCommand(@TargetAggregateIdentifier String discrepancyId, String organizationId,
                                       AnswerOutcome outcome, String explanation, String answeredBy,
                                       Instant answeredAt) {

    /** Said of an unknown discrepancy and of another organisation's alike, so the answer tells neither apart. */
    public static final String NOT_FOUND = "discrepancyId: no such discrepancy in this organisation";
}
