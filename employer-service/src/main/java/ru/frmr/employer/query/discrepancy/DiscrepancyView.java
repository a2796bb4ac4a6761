package ru.frmr.employer.query.discrepancy;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.employer.api.AnswerOutcome;
import ru.frmr.employer.api.DiscrepancyField;

/**
 * A discrepancy as the worker, the organisation's HR and supervisors see it. Dates are ISO strings
 * ({@code 2026-02-25}): they compare correctly as strings and mean the same on every replica.
 *
 * @param escalated the due date passed without an answer and supervisors were told (stays true once answered)
 * @param late      answered after the due date
 * @param version   sequence number of the last event applied
 */
@Document(DiscrepancyView.COLLECTION)
public record DiscrepancyView(@Id String id, String organizationId, String workerId, String employmentId,
                              DiscrepancyField field, String recordedValue, String correctValue, String comment,
                              Instant filedAt, String countsAsFiledOn, String dueDate, boolean provisional,
                              Instant overdueAt, DiscrepancyStatus status, boolean escalated, Instant escalatedAt,
                              AnswerOutcome outcome, String explanation, Instant answeredAt, boolean late,
                              long version) {

    static final String COLLECTION = "discrepancies";

    /** Past its due date without an answer, whether or not a sweeper has escalated it yet. */
    public boolean isOverdue(Instant now) {
        return escalated || (status != DiscrepancyStatus.ANSWERED && !now.isBefore(overdueAt));
    }
}
