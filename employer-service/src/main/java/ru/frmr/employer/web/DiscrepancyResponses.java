package ru.frmr.employer.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ru.frmr.employer.api.AnswerOutcome;
import ru.frmr.employer.api.DiscrepancyField;
import ru.frmr.employer.query.discrepancy.DiscrepancyStatus;

/** The discrepancy answers' JSON shapes. */
final class DiscrepancyResponses {

    private DiscrepancyResponses() {
    }

    record Raised(String discrepancyId, DiscrepancyStatus status, Instant filedAt, LocalDate countsAsFiledOn,
                  LocalDate dueDate, boolean provisional) {
    }

    record Answered(String discrepancyId, DiscrepancyStatus status, AnswerOutcome outcome, Instant answeredAt,
                    boolean late) {
    }

    /**
     * One discrepancy; {@code workerName} for HR and supervisors, {@code organization} for the worker and
     * supervisors.
     */
    record Item(String discrepancyId, Organization organization, String workerId, String workerName,
                String employmentId, DiscrepancyField field, String recordedValue, String correctValue,
                String comment, DiscrepancyStatus status, Instant filedAt, LocalDate countsAsFiledOn,
                LocalDate dueDate, boolean provisional, boolean overdue, boolean escalated, Instant escalatedAt,
                AnswerOutcome outcome, String explanation, Instant answeredAt, boolean late) {
    }

    record Organization(String id, String name) {
    }

    record Page(List<Item> items, int page, int size, long total) {
    }
}
