package ru.frmr.employer.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The organisation's HR answered a discrepancy.
 *
 * @param late answered after the due date had passed (the answer still stands)
 */
@Revision("1")
public record DiscrepancyAnsweredEvent(String discrepancyId, String organizationId, String workerId,
                                       AnswerOutcome outcome, String explanation, String answeredBy,
                                       Instant answeredAt, boolean late) {
}
